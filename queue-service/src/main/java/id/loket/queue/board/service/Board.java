package id.loket.queue.board.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The waiting-room display: who is being served where, who waits for what, who is next. */
public record Board(String branch, LocalDate businessDate, List<CounterNow> nowServing, List<Waiting> waiting) {

    /** A counter and the ticket it called last (null when it has none called or in service). */
    public record CounterNow(String counterId, String counterName, boolean open, String ticketNumber,
                             String serviceType, String state, Instant calledAt) {
    }

    /**
     * @param next                 numbers in calling order (priority first, then issue time), at most five
     * @param estimatedWaitSeconds waiting × today's mean service time ÷ open counters serving the type; null
     *                             before the first visit of the day closes
     * @param waitTargetMinutes    the branch's wait target for the type
     */
    public record Waiting(String serviceType, String name, int count, List<String> next, Long estimatedWaitSeconds,
                          int waitTargetMinutes) {
    }
}
