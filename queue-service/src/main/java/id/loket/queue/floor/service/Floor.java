package id.loket.queue.floor.service;

import id.loket.queue.floor.domain.FloorAlerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The supervisor's view of a branch now: per service type the wait against its target, the counters, the alerts.
 * Seconds are to {@code now} (the server's clock); "today" is the business day in the branch's zone.
 */
public record Floor(String branch, LocalDate businessDate, Instant now, List<ServiceTypeNow> serviceTypes,
                    List<CounterRow> counters, List<FloorAlerts.Alert> alerts) {

    /**
     * @param oldestWaitSeconds  how long the longest-waiting visitor has waited (null: nobody waits)
     * @param p90WaitSecondsToday today's visits closed so far (null before the first)
     * @param p90OverTarget      today's p90 wait above the target
     * @param countersOpen       open counters that serve the type
     */
    public record ServiceTypeNow(String serviceType, String name, int waitTargetMinutes, long waiting,
                                 Instant oldestIssuedAt, Long oldestWaitSeconds, boolean oldestOverTarget,
                                 long visitsToday, Double meanWaitSecondsToday, Double p90WaitSecondsToday,
                                 boolean p90OverTarget, Double withinTargetShareToday, Double medianServiceSecondsToday,
                                 long countersOpen) {
    }

    /** state: CLOSED, IDLE, CALLED or SERVING, since stateSince (null for a counter never opened). */
    public record CounterRow(String counterId, String name, List<String> serviceTypes, String state, String staffedBy,
                             Instant stateSince, Long stateSeconds, long servedToday, CurrentTicket current) {
    }

    public record CurrentTicket(UUID ticketId, String number, String serviceType, String priority, String state,
                                Instant calledAt, Instant startedAt, int recalls) {
    }
}
