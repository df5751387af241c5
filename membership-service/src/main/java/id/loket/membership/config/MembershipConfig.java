package id.loket.membership.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/** membership-service's settings in one place ({@code membership.*}, env MEMBERSHIP_*). */
@ConfigMapping(prefix = "membership")
public interface MembershipConfig {

    /** Load the Sidoarjo demo participants at start-up (idempotent; env LOKET_MEMBERSHIP_DEMO_DATA in application.properties). */
    @WithDefault("false")
    boolean demoData();

    /** When the daily suspension run starts (cron, Asia/Jakarta; read by the scheduler, declared here so it is a known key). */
    Optional<String> suspensionCron();

    Http http();

    @WithName("import")
    Import imports();

    CivilRegistry civilRegistry();

    interface Http {
        /** The largest body any route but the bulk import takes (413 above it). */
        @WithDefault("10M")
        MemorySize maxBodySize();
    }

    interface Import {
        /** Lines committed per transaction. */
        @WithDefault("1000")
        int chunkSize();

        /** Chunks committed side by side while the request thread reads the next lines. */
        @WithDefault("2")
        int writers();
    }

    interface CivilRegistry {
        /** The civil registry's (Dukcapil's) base URL; the local stack runs a simulator. */
        String url();

        /** How long a look-up may take before the counter is told to come back (503). */
        @WithDefault("PT2S")
        Duration timeout();
    }
}
