package id.loket.complaint.complaint.messaging;

import id.loket.complaint.complaint.domain.Complaint;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import id.loket.platform.consumer.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A membership event that names a complaint reference (a deactivation, or its request, after a death report) is
 * the action taken on that complaint: it goes on the complaint's timeline.
 */
@ApplicationScoped
public class MembershipActions {

    /** What the timeline needs of membership's ParticipantDeactivated and ParticipantDeactivationRequested. */
    public record ComplaintAction(String complaintReference, String participantId, String reason, LocalDate effectiveFrom) {
    }

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;
    private final Clock clock;
    private final EventHandlers handlers;

    MembershipActions(IdempotentConsumer consumer, ComplaintService complaints, Clock clock) {
        this.consumer = consumer;
        this.complaints = complaints;
        this.clock = clock;
        // the membership events that carry a complaintReference
        this.handlers = consumer.handlers()
                .on("loket.membership.ParticipantDeactivated", ComplaintAction.class, this::record)
                .on("loket.membership.ParticipantDeactivationRequested", ComplaintAction.class, this::record);
    }

    @Incoming("membership-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-membership-actions", records, handlers);
    }

    void record(ComplaintAction action, IncomingEvent event) {
        String reference = action.complaintReference();
        if (reference == null || reference.isBlank()) return; // most deactivations are not about a complaint
        ComplaintView v = ComplaintView.byReference(reference).orElseThrow(() ->
                new PoisonMessageException(event.type() + " names complaint " + reference + ", which does not exist here"));
        complaints.handle(v.complaintId, new Complaint.Command.RecordMembershipAction(event.type(),
                action.participantId(), action.reason(), action.effectiveFrom(), clock.instant()));
    }
}
