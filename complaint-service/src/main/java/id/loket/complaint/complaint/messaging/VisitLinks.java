package id.loket.complaint.complaint.messaging;

import id.loket.complaint.complaint.domain.Complaint;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.PoisonMessageException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** queue-service's VisitClosed with a complaint id puts the visit on that complaint's timeline. */
@ApplicationScoped
public class VisitLinks {

    /** What a link needs of queue-service's VisitClosed (a tolerant reader); most visits name no complaint. */
    public record VisitClosed(UUID complaintId, String visitId, String ticketNumber, String counterId, Instant closedAt) {
    }

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;
    private final Clock clock;
    private final EventHandlers handlers;

    VisitLinks(IdempotentConsumer consumer, ComplaintService complaints, Clock clock) {
        this.consumer = consumer;
        this.complaints = complaints;
        this.clock = clock;
        this.handlers = consumer.handlers().on("loket.queue.VisitClosed", VisitClosed.class, this::link);
    }

    @Incoming("queue-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-visit-link", records, handlers);
    }

    void link(VisitClosed visit) {
        if (visit.complaintId() == null) return; // most visits are not about a complaint
        if (visit.visitId() == null || visit.visitId().isBlank()) throw new PoisonMessageException("payload has no visitId");
        if (ComplaintView.findById(visit.complaintId()) == null) {
            throw new PoisonMessageException("VisitClosed names complaint " + visit.complaintId() + ", which does not exist here");
        }
        complaints.handle(visit.complaintId(), new Complaint.Command.LinkVisit(visit.visitId(), visit.ticketNumber(),
                visit.counterId(), visit.closedAt(), clock.instant()));
    }
}
