package id.loket.queue.stats.service;

import java.time.LocalDate;
import java.util.List;

/**
 * A branch's figures for one business day. Waiting = the call that led to service − issue; service =
 * close − start; both over the visits closed that day (VisitClosed). No-show rate = no-shows ÷ (closed
 * visits + no-shows). Screened-away share = screenings not ending in a ticket ÷ screenings.
 */
public record DayStats(String branch, LocalDate date, long screenings, long screenedAway, Double screenedAwayShare,
                       long visits, long noShows, Double noShowRate, long closedAtEndOfDay,
                       List<Times> byServiceType, List<Times> byCounter) {

    /**
     * Seconds; null when there was no visit. waitTargetMinutes: the service type's target (null in byCounter);
     * withinTargetShare: the visits that waited no longer than their service type's target.
     */
    public record Times(String key, long visits, Double meanWaitSeconds, Double p90WaitSeconds,
                        Double meanServiceSeconds, Double p90ServiceSeconds, Double medianServiceSeconds,
                        Integer waitTargetMinutes,
                        Double withinTargetShare) {
    }
}
