package id.loket.complaint.complaint.messaging;

import id.loket.complaint.complaint.domain.Complaint;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/**
 * A membership event that names a complaint reference (ParticipantDeactivated after a death report) is the
 * action taken on that complaint: it goes on the complaint's timeline.
 */
@ApplicationScoped
public class MembershipActions {

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;
    private final Clock clock;

    MembershipActions(IdempotentConsumer consumer, ComplaintService complaints, Clock clock) {
        this.consumer = consumer;
        this.complaints = complaints;
        this.clock = clock;
    }

    @Incoming("membership-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-membership-actions", records, event -> {
            var p = event.payload();
            String reference = Fields.text(p, "complaintReference");
            if (reference == null || reference.isBlank()) return; // most membership events are not about a complaint
            ComplaintView v = ComplaintView.byReference(reference).orElseThrow(() ->
                    new PoisonMessageException(event.type() + " names complaint " + reference + ", which does not exist here"));
            complaints.handle(v.complaintId, new Complaint.Command.RecordMembershipAction(event.type(),
                    Fields.text(p, "participantId"), Fields.text(p, "reason"), Fields.date(p, "effectiveFrom"),
                    clock.instant()));
        });
    }
}
