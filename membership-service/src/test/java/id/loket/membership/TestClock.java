package id.loket.membership;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application's clock in tests: stands on a chosen instant, or follows the system clock when reset. */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private volatile Instant fixed;

    public void set(Instant instant) {
        this.fixed = instant;
    }

    /** Noon of that day in Asia/Jakarta. */
    public void setJakartaDate(LocalDate date) {
        set(date.atTime(LocalTime.NOON).atZone(JAKARTA).toInstant());
    }

    public void reset() {
        this.fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
