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
import java.util.UUID;

/** queue-service's VisitClosed with a complaint id puts the visit on that complaint's timeline. */
@ApplicationScoped
public class VisitLinks {

    private final IdempotentConsumer consumer;
    private final ComplaintService complaints;
    private final Clock clock;

    VisitLinks(IdempotentConsumer consumer, ComplaintService complaints, Clock clock) {
        this.consumer = consumer;
        this.complaints = complaints;
        this.clock = clock;
    }

    @Incoming("queue-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch("complaint-visit-link", records, event -> {
            if (!event.type().equals("VisitClosed")) return;
            var p = event.payload();
            UUID complaintId = Fields.uuid(p, "complaintId");
            if (complaintId == null) return; // most visits are not about a complaint
            if (ComplaintView.findById(complaintId) == null) {
                throw new PoisonMessageException("VisitClosed names complaint " + complaintId + ", which does not exist here");
            }
            complaints.handle(complaintId, new Complaint.Command.LinkVisit(Fields.required(p, "visitId"),
                    Fields.text(p, "ticketNumber"), Fields.text(p, "counterId"), Fields.instant(p, "closedAt"),
                    clock.instant()));
        });
    }
}
