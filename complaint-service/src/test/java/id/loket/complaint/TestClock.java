package id.loket.complaint;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The application's clock in tests (it replaces the default system clock bean): tests set the time. */
@Singleton
public class TestClock extends Clock {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    public void set(Instant instant) {
        now.set(instant);
    }

    /** Sets the clock to a local date-time in Jakarta, e.g. {@code 2026-12-03T14:50}. */
    public Instant setWib(String localDateTime) {
        Instant t = wib(localDateTime);
        set(t);
        return t;
    }

    public static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
