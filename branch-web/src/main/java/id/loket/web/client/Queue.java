package id.loket.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What queue-service answers, as far as the pages read it (unknown members are ignored: the service may grow). */
public final class Queue {

    private Queue() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Screen(String branch, String nik, String cardNumber, String purpose, String priority,
                         String outcome, String serviceType, String channel) {
        @Override
        public String toString() {
            return "Screen[" + branch + ", " + purpose + "]"; // never the NIK
        }
    }

    /**
     * @param source LOCAL_COPY (queue-service's own copy), MEMBERSHIP_SERVICE, or NONE (not found, or membership-service
     *               did not answer)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Membership(String status, Integer monthsInArrears, Integer arrearsMonths, Long arrearsAmount,
                             String nikLast4, String source) {
        /** queue-pages names the months arrearsMonths; the first version monthsInArrears. */
        public Integer months() {
            return arrearsMonths != null ? arrearsMonths : monthsInArrears;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(String outcome, String serviceType, String channel) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(Membership membership, Suggestion suggestion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Screened(UUID visitId, Membership membership, Suggestion suggestion, String outcome,
                           String serviceType, String channel, Ticket ticket) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ticket(UUID id, UUID visitId, String number, String branch, String serviceType, String source,
                         String priority, LocalDate businessDate, Instant issuedAt, String state, String counterId,
                         Instant calledAt, int recalls, Instant startedAt, Instant closedAt, String outcome, long version) {
        public boolean priorityVisitor() {
            return priority != null && !"NONE".equals(priority);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Board(String branch, LocalDate businessDate, List<CounterNow> nowServing, List<Waiting> waiting) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CounterNow(String counterId, String counterName, boolean open, String ticketNumber,
                             String serviceType, String state, Instant calledAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waiting(String serviceType, String name, int count, List<String> next, Long estimatedWaitSeconds,
                          Long waitTargetMinutes, Long oldestWaitSeconds) {
        /** The oldest visitor has waited past the type's target (both from queue-service). */
        public boolean late() {
            return oldestWaitSeconds != null && waitTargetMinutes != null && oldestWaitSeconds > waitTargetMinutes * 60L;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Branch(String code, String name, String zoneId, List<DayHours> serviceHours,
                         List<ServiceType> serviceTypes, List<Counter> counters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayHours(String day, String opens, String closes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceType(String code, String prefix, String name, Integer waitTargetMinutes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holiday(String branch, LocalDate date, String day, String name, String kind) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Counter(String id, String branch, String name, List<String> serviceTypes, boolean open,
                          String staffedBy) {
    }

    public record Open(String staff) {
    }

    public record Transfer(String serviceType) {
    }

    public record ReturnToQueue(String by) {
    }

    public record Close(String outcome, String complaintId, List<String> channelsEducated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Times(String key, long visits, Double meanWaitSeconds, Double p90WaitSeconds,
                        Double meanServiceSeconds, Double p90ServiceSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DayStats(String branch, LocalDate date, long screenings, long screenedAway, long visits, long noShows,
                           long closedAtEndOfDay, List<Times> byServiceType, List<Times> byCounter) {
    }

    /** GET /counters/{id}/console: the counter, its current ticket with what the door saw, the waiting it serves. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Console(String counterId, String branch, String name, List<String> serviceTypes, String state,
                          String staffedBy, String openedBy, Instant openedAt, Instant stateSince, Instant now,
                          int noShowAfterRecalls, long recallGraceSeconds, Current current, List<ConsoleWaiting> waiting) {
        public boolean open() {
            return state != null && !"CLOSED".equals(state);
        }
    }

    /** The ticket called or in service, as queue-service reckons its times and what may be done with it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Current(UUID ticketId, String number, UUID visitId, String serviceType, String priority, String source,
                          String state, Instant issuedAt, Instant queuedAt, Instant calledAt, Instant startedAt,
                          long waitedSeconds, long sinceCalledSeconds, Long servingSeconds, int recalls,
                          Instant recallAllowedAt, boolean recallAllowed, boolean noShowAllowed, Door door) {
    }

    /** What the door saw of the ticket's visit: its purpose and the membership status, and where that came from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Door(String purpose, String membershipStatus, Integer arrearsMonths, Long arrearsAmount,
                       String membershipSource, Instant screenedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConsoleWaiting(String serviceType, String name, long count, Instant oldestIssuedAt, Long oldestWaitSeconds,
                                 Long waitTargetMinutes, boolean overTarget) {
    }

    /** GET /branches/{code}/floor: the supervisor's floor, its alerts decided by queue-service. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Floor(String branch, LocalDate businessDate, Instant now, List<FloorType> serviceTypes,
                        List<FloorCounter> counters, List<Alert> alerts) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FloorType(String serviceType, String name, Long waitTargetMinutes, long waiting, Long oldestWaitSeconds,
                            boolean oldestOverTarget, long visitsToday, Double p90WaitSecondsToday, boolean p90OverTarget,
                            long countersOpen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FloorCounter(String counterId, String name, List<String> serviceTypes, String state, String staffedBy,
                               Instant stateSince, Long stateSeconds, long servedToday, FloorTicket current) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FloorTicket(UUID ticketId, String number, String serviceType, String priority, String state,
                              Instant calledAt, Instant startedAt, int recalls) {
    }

    /** kind: CALLED_NOT_STARTED, IDLE_WHILE_WAITING or LONG_SERVICE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String kind, String counterId, UUID ticketId, String ticketNumber, List<String> serviceTypes,
                        Instant since, Long seconds, Long thresholdSeconds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EndOfDayResult(String branch, String policy, Integer affected) {
    }
}
