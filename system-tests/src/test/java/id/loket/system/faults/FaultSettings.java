package id.loket.system.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Short (CI, part of {@code ./mvnw -B verify}) or long ({@code -Dloket.faults=long}): how long the outages
 * last and how much load runs through them. The checks are the same.
 */
final class FaultSettings {

    static final boolean LONG = "long".equals(System.getProperty("loket.faults"));

    /** Kafka is down this long under load (issue 9: 60 s). */
    static final Duration BROKER_OUTAGE = LONG ? Duration.ofSeconds(60) : Duration.ofSeconds(15);
    /** PostgreSQL is down this long (issue 9: 30 s). */
    static final Duration DATABASE_OUTAGE = LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
    /** Load runs at least this long before the kill, and again after the restart. */
    static final Duration CRASH_PHASE = LONG ? Duration.ofSeconds(30) : Duration.ofSeconds(6);
    /** Client threads and the rate of each (requests per second). */
    static final int TICKET_THREADS = LONG ? 4 : 2;
    static final int PAYMENT_THREADS = LONG ? 3 : 2;
    static final int COUNTERS = LONG ? 2 : 1;
    static final double TICKETS_PER_SECOND = LONG ? 15 : 8;
    static final double PAYMENTS_PER_SECOND = LONG ? 8 : 4;
    static final double VISITS_PER_SECOND = LONG ? 5 : 3;
    /** Fuzzing passes (each a new seed) per service. */
    static final int FUZZ_PASSES = LONG ? 4 : 1;

    /** Anything asynchronous (relay, consumers, restarts) gets this long on a busy machine. */
    static final Duration ASYNC = Duration.ofSeconds(120);
    /** A restarted service's time to be ready: the same as the first start's (three JVMs restart side by side). */
    static final Duration READY = Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180));

    private FaultSettings() {
    }

    /**
     * Extra JVM options for the services. A consumer that was killed is noticed by the broker after 10 s instead
     * of 45 s (its partitions go to the restarted process sooner). The short run lets the relay health group
     * report unpublished events older than 5 s, so its 15 s outage shows there; the long run keeps the
     * production bound (1 minute) and sees the outage when the producer's 30 s delivery timeout expires.
     */
    static List<String> serviceJvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-Dmp.messaging.connector.smallrye-kafka.session.timeout.ms=10000",
                "-Dmp.messaging.connector.smallrye-kafka.heartbeat.interval.ms=3000"));
        if (!LONG) options.add("-Dloket.relay.lag-bound=PT5S");
        return options;
    }
}
