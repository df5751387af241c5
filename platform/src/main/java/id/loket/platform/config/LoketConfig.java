package id.loket.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The platform's settings, `loket.*` in application.properties, each overridable by environment variable. */
@ConfigMapping(prefix = "loket")
public interface LoketConfig {

    /** Short service name, e.g. {@code membership}: topic {@code loket.membership.events}, ce_source {@code /loket/membership}. */
    String service();

    Relay relay();

    Topics topics();

    default String topic() {
        return "loket." + service() + ".events";
    }

    interface Relay {
        /** Off only in tests that drive a relay by hand. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1000")
        int batchSize();

        /** Fallback polling when no in-process wake-up came (other replicas, restarts). */
        @WithDefault("PT0.1S")
        Duration pollInterval();

        /** Unpublished events older than this turn the relay health group DOWN. */
        @WithDefault("PT1M")
        Duration lagBound();
    }

    interface Topics {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();

        /** Event topics keep their history so other services can rebuild projections from them. */
        @WithDefault("-1")
        String retentionMs();
    }
}
