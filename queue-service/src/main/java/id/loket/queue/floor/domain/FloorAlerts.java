package id.loket.queue.floor.domain;

import id.loket.queue.counter.domain.CounterSession.Activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the supervisor is alerted to on the floor, from what the counters are doing now (plain Java, thresholds from
 * {@code loket.queue.alerts.*}): a visitor called but not at the counter, a counter idle while people wait for what it
 * serves, a service running far longer than usual for its type today.
 */
public final class FloorAlerts {

    public enum Kind { CALLED_NOT_STARTED, IDLE_WHILE_WAITING, LONG_SERVICE }

    public record Thresholds(Duration calledNotStarted, Duration idleWhileWaiting, double longServiceFactor,
                             Duration longServiceFloor) {
    }

    /** A counter as the floor sees it; the ticket fields are null when it has none called or in service. */
    public record CounterNow(String counterId, Activity activity, List<String> serviceTypes, Instant since,
                             UUID ticketId, String ticketNumber, String ticketServiceType, Instant calledAt,
                             Instant startedAt) {
    }

    /**
     * @param since            when the situation began (the call, the start of service, the counter's last change)
     * @param seconds          how long it has lasted
     * @param thresholdSeconds the threshold it passed
     * @param serviceTypes     the ticket's service type, or (idle) the types it serves that people wait for
     */
    public record Alert(Kind kind, String counterId, UUID ticketId, String ticketNumber, List<String> serviceTypes,
                        Instant since, long seconds, long thresholdSeconds) {
    }

    private FloorAlerts() {
    }

    /**
     * @param waiting               people waiting per service type
     * @param medianServiceSeconds  today's median service time per service type (absent before its first close)
     * @return the alerts, the longest-standing first
     */
    public static List<Alert> of(List<CounterNow> counters, Map<String, Long> waiting,
                                 Map<String, Double> medianServiceSeconds, Thresholds t, Instant now) {
        List<Alert> out = new ArrayList<>();
        for (CounterNow c : counters) {
            switch (c.activity()) {
                case CALLED -> {
                    long s = seconds(c.calledAt(), now);
                    if (s >= t.calledNotStarted().toSeconds()) {
                        out.add(ticketAlert(Kind.CALLED_NOT_STARTED, c, c.calledAt(), s, t.calledNotStarted().toSeconds()));
                    }
                }
                case SERVING -> {
                    long threshold = longServiceThresholdSeconds(medianServiceSeconds.get(c.ticketServiceType()), t);
                    long s = seconds(c.startedAt(), now);
                    if (s > threshold) out.add(ticketAlert(Kind.LONG_SERVICE, c, c.startedAt(), s, threshold));
                }
                case IDLE -> {
                    List<String> awaited = c.serviceTypes().stream().filter(type -> waiting.getOrDefault(type, 0L) > 0).toList();
                    long s = seconds(c.since(), now);
                    if (!awaited.isEmpty() && c.since() != null && s >= t.idleWhileWaiting().toSeconds()) {
                        out.add(new Alert(Kind.IDLE_WHILE_WAITING, c.counterId(), null, null, awaited, c.since(), s,
                                t.idleWhileWaiting().toSeconds()));
                    }
                }
                case CLOSED -> { }
            }
        }
        out.sort(Comparator.comparing(Alert::since).thenComparing(Alert::counterId));
        return out;
    }

    /** Far longer than usual: the factor × today's median for the type, and never under the floor. */
    public static long longServiceThresholdSeconds(Double medianServiceSeconds, Thresholds t) {
        long floor = t.longServiceFloor().toSeconds();
        if (medianServiceSeconds == null) return floor;
        return Math.max(floor, Math.round(medianServiceSeconds * t.longServiceFactor()));
    }

    private static Alert ticketAlert(Kind kind, CounterNow c, Instant since, long seconds, long threshold) {
        return new Alert(kind, c.counterId(), c.ticketId(), c.ticketNumber(), List.of(c.ticketServiceType()), since,
                seconds, threshold);
    }

    private static long seconds(Instant from, Instant now) {
        return from == null ? 0 : Math.max(0, Duration.between(from, now).toSeconds());
    }
}
