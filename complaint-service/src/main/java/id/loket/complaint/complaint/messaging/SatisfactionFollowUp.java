package id.loket.complaint.complaint.messaging;

import id.loket.complaint.complaint.domain.Channel;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;

    SatisfactionFollowUp(IdempotentConsumer consumer, ComplaintService complaints) {
        this.consumer = consumer;
        this.complaints = complaints;
    }

    public static UUID complaintIdFor(UUID surveyId) {
        return UUID.nameUUIDFromBytes(("satisfaction-follow-up:" + surveyId).getBytes(StandardCharsets.UTF_8));
    }

    @Incoming("feedback-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-follow-up", records, event -> {
            if (event.type().equals("LowSatisfactionFlagged")) openFollowUp(event);
        });
    }

    void openFollowUp(IncomingEvent event) {
        var p = event.payload();
        UUID surveyId = Fields.uuid(p, "surveyId");
        if (surveyId == null) throw new id.loket.platform.consumer.PoisonMessageException("payload has no surveyId");
        String branch = Fields.required(p, "branch");
        String comment = Fields.text(p, "comment");
        String phone = Fields.text(p, "contactPhone");
        String description = "Low satisfaction rating " + Fields.text(p, "rating") + "/5 for "
                + Fields.text(p, "serviceType") + " at counter " + Fields.text(p, "counterId")
                + (comment == null || comment.isBlank() ? "" : ": " + comment);
        complaints.registerOnce(complaintIdFor(surveyId), new ComplaintService.Registration(Channel.SURVEY, branch,
                CATEGORY, null, Fields.text(p, "visitId"), Fields.text(p, "counterId"), surveyId, null,
                phone == null ? null : new ComplaintService.Contact(null, phone, null), description));
    }
}
