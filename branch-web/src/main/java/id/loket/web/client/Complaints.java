package id.loket.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What complaint-service answers, as far as the pages read it. */
public final class Complaints {

    private Complaints() {
    }

    /** An SOP category; each required document is met by any one of its |-separated types. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Category(String code, String name, List<String> requiredDocuments, String serviceLevel,
                           int firstResponseMinutes, int resolutionWorkingDays) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Register(String channel, String branch, String category, UUID participantId, String visitId,
                           String counterId, String description) {
    }

    public record AddDocument(String type, String number) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Complaint(UUID id, String reference, String branch, String category, String status,
                            String visitId, String description, List<String> requiredDocuments,
                            List<String> documentsReceived, List<String> missingDocuments, boolean documentsVerified,
                            Instant registeredAt, Instant firstResponseDueAt, Instant resolutionDueAt, boolean overdue) {
    }

    /** deadline: FIRST_RESPONSE or RESOLUTION, whichever presses; secondsLeft negative once over. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttentionItem(UUID id, String reference, String category, String serviceLevel, String channel,
                                String status, Instant registeredAt, String deadline, Instant dueAt, boolean overdue,
                                long secondsLeft, long workingSecondsLeft) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attention(String branch, Instant asOf, long overdue, long dueSoon, long total, List<AttentionItem> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Complaint> items, long total, int page, int size) {
    }
}
