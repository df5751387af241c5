package id.loket.queue.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The queue rules DOMAIN.md leaves configurable, in one place ({@code loket.queue.*}, env LOKET_QUEUE_*). */
@ConfigMapping(prefix = "loket.queue")
public interface QueueConfig {

    /** Create the Sidoarjo demo branch at start-up (idempotent). */
    @WithDefault("false")
    boolean demoData();

    /** A called visitor's time to reach the counter before a recall (or a no-show) is allowed. */
    @WithDefault("PT2M")
    Duration recallGracePeriod();

    /** Recalls that come before a ticket may be marked no-show. */
    @WithDefault("2")
    int noShowAfterRecalls();

    /** Heartbeat period of the board's event stream, e.g. 15s (read by the scheduler; declared here so it is a known key). */
    Optional<String> boardHeartbeat();

    /** How often branches are checked for a closing time that has come (e.g. 30s; read by the scheduler). */
    Optional<String> closingCheck();

    /** How often the waiting-tickets gauge is recomputed from the read model (e.g. 5s; read by the scheduler). */
    Optional<String> metricsRefresh();

    /** Places per appointment slot (the online queue's capacity). */
    @WithDefault("20")
    int appointmentSlotCapacity();

    /**
     * How long a replica keeps a branch's set-up (zone, service types, hours, holidays) in memory for issuing
     * tickets; a change through this replica is seen at once, one through another replica after this long.
     */
    @WithDefault("PT5S")
    Duration referenceCacheTtl();

    /** Priority calls in a row at one counter before a waiting walk-in must be called. */
    @WithDefault("3")
    int priorityRunCap();

    /** When the supervisor's floor raises an alert ({@code loket.queue.alerts.*}). */
    Alerts alerts();

    interface Alerts {
        /** A ticket called this long ago and not started: the visitor may not have heard the call. */
        @WithDefault("PT3M")
        Duration calledNotStarted();

        /** A counter open and idle this long while someone waits for a service type it serves. */
        @WithDefault("PT2M")
        Duration idleWhileWaiting();

        /** A service running longer than this many times today's median service time of its type … */
        @WithDefault("3.0")
        double longServiceFactor();

        /** … and longer than this (also the threshold before the type's first visit of the day has closed). */
        @WithDefault("PT10M")
        Duration longServiceFloor();
    }
}
