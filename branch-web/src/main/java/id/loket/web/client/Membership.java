package id.loket.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What membership-service answers, as far as the counter and the supervisor read it. */
public final class Membership {

    private Membership() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Search(String nik, String cardNumber) {
        @Override
        public String toString() {
            return "Search[***]";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Participant(UUID id, String cardNumber, String name, String nikLast4, LocalDate birthDate, String sex,
                              String segment, String careClass, String relation, String accountId, String facilityCode,
                              String status, String statusReason, LocalDate statusSince) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MonthOwed(String month, long amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Penalty(long inaCbgTariff, int monthsCounted, long amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Arrears(UUID participantId, String accountId, String status, List<MonthOwed> months, long arrearsTotal,
                          String currentMonth, long currentMonthOwed, long credit, long totalToBeActive, Penalty penalty) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryEntry(long version, String type, Instant recordedAt, String summary) {
    }

    public record Payment(String accountId, long amount, Instant paidAt, String reference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Settled(String month, long amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instalment(int number, LocalDate dueDate, long amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(UUID planId, String accountId, String status, LocalDate openedOn, long total, long paid,
                       long remaining, List<Instalment> instalments, Instalment nextInstalment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Paid(String reference, String accountId, long amount, Instant paidAt, List<Settled> settled,
                       long creditAfter, List<UUID> reactivated, boolean duplicate, Plan instalmentPlan) {
    }

    public record OpenPlan(int instalments) {
    }

    public record Document(String type, String number) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deactivation(String reason, LocalDate dateOfDeath, List<Document> documents, String complaintReference) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestAnswer(UUID requestId, UUID participantId, String kind, String status, String requestedBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UUID requestId, UUID participantId, String kind, String status, String reason,
                          LocalDate effectiveFrom, String complaintReference, List<Document> documents,
                          String requestedBy, Instant requestedAt) {
        public boolean reversal() {
            return kind != null && kind.contains("REVERSAL");
        }
    }

    public record Reject(String reason) {
    }

    public record Correction(String field, String newValue, String source, String evidence) {
    }
}
