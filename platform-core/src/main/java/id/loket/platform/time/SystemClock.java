package id.loket.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one source of "now" for every service (due times, business days, expiry, "today"): code injects
 * {@link Clock} instead of calling {@code now()}, so a test can put its own Clock bean in place of this one.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
