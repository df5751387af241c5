package id.loket.complaint.complaint.messaging;

import id.loket.complaint.complaint.domain.Channel;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Closing the loop: a low satisfaction rating (feedback-service's LowSatisfactionFlagged) opens one follow-up
 * complaint per survey. Its id is derived from the survey id and the stream is created once (createOnce),
 * so a redelivered or re-published event (a new ce_id) still opens only one.
 */
@ApplicationScoped
public class SatisfactionFollowUp {

    static final String CATEGORY = "SATISFACTION_FOLLOW_UP";

    /** What a follow-up needs of feedback-service's LowSatisfactionFlagged (a tolerant reader). */
    public record LowSatisfactionFlagged(@NotNull UUID surveyId, String visitId, @NotBlank String branch,
                                         String counterId, String serviceType, Integer rating, String comment,
                                         String contactPhone) {
        @Override
        public String toString() {
            return "LowSatisfactionFlagged[" + surveyId + "]"; // no comment or phone in logs
        }
    }

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;
    private final EventHandlers handlers;

    SatisfactionFollowUp(IdempotentConsumer consumer, ComplaintService complaints) {
        this.consumer = consumer;
        this.complaints = complaints;
        this.handlers = consumer.handlers()
                .on("loket.feedback.LowSatisfactionFlagged", LowSatisfactionFlagged.class, this::openFollowUp);
    }

    public static UUID complaintIdFor(UUID surveyId) {
        return UUID.nameUUIDFromBytes(("satisfaction-follow-up:" + surveyId).getBytes(StandardCharsets.UTF_8));
    }

    @Incoming("feedback-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-follow-up", records, handlers);
    }

    void openFollowUp(LowSatisfactionFlagged low) {
        String comment = low.comment();
        String description = "Low satisfaction rating " + low.rating() + "/5 for " + low.serviceType() + " at counter "
                + low.counterId() + (comment == null || comment.isBlank() ? "" : ": " + comment);
        complaints.registerOnce(complaintIdFor(low.surveyId()), new ComplaintService.Registration(Channel.SURVEY,
                low.branch(), CATEGORY, null, low.visitId(), low.counterId(), low.surveyId(), null,
                low.contactPhone() == null ? null : new ComplaintService.Contact(null, low.contactPhone(), null),
                description));
    }
}
