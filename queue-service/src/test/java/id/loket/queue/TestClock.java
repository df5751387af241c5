package id.loket.queue;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests (it replaces the default bean): the system clock shifted by an offset
 * tests can move, so grace periods and business days can be crossed without waiting.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    /** From now on, "now" is this instant (and time goes on from there). */
    public void set(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    /** Stops time where it is, for figures computed to the second; advance() still moves it. */
    public void freeze() {
        frozen = instant();
    }

    public void advance(Duration by) {
        if (frozen != null) frozen = frozen.plus(by);
        else offset = offset.plus(by);
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
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
        Instant f = frozen;
        return f != null ? f : Instant.now().plus(offset);
    }
}
