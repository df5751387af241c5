package id.loket.queue.ticket.projection;

import id.loket.platform.events.EventEnvelope;
import id.loket.platform.projection.EventProjection;
import id.loket.queue.ticket.domain.TicketEvent;
import id.loket.queue.ticket.domain.TicketState;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Keeps ticket_view in step with the ticket streams; every value comes from the event. */
@ApplicationScoped
public class TicketProjection implements EventProjection<TicketEvent> {

    @Override
    public String name() {
        return "tickets";
    }

    @Override
    public List<String> tables() {
        return List.of("ticket_view");
    }

    @Override
    public Class<TicketEvent> family() {
        return TicketEvent.class;
    }

    /** Row by row through the session: a batch is one append's events (one, as a rule) or a rebuild's chunk. */
    @Override
    public void apply(List<EventEnvelope<TicketEvent>> events) {
        for (EventEnvelope<TicketEvent> e : events) apply(e.event(), e.version());
    }

    private void apply(TicketEvent e, long version) {
        if (e instanceof TicketEvent.TicketIssued i) {
            TicketView v = new TicketView();
            v.ticketId = i.ticketId();
            v.visitId = i.visitId();
            v.number = i.ticketNumber();
            v.branch = i.branch();
            v.serviceType = i.serviceType();
            v.source = i.source().name();
            v.priority = i.priority().name();
            v.businessDate = i.businessDate();
            v.issuedAt = i.issuedAt();
            v.queuedAt = i.queuedAt() != null ? i.queuedAt() : i.issuedAt();
            v.state = TicketState.WAITING.name();
            v.version = version;
            v.persist();
            return;
        }
        TicketView v = TicketView.findById(e.ticketId());
        switch (e) {
            case TicketEvent.TicketIssued ignored -> { }
            case TicketEvent.TicketCalled c -> {
                v.state = TicketState.CALLED.name();
                v.counterId = c.counterId();
                v.calledAt = c.calledAt();
                v.recalls = 0;
                v.startedAt = null;
            }
            case TicketEvent.TicketRecalled r -> v.recalls = r.recall();
            case TicketEvent.TicketMarkedNoShow n -> {
                v.state = TicketState.NO_SHOW.name();
                v.closedAt = n.markedAt();
            }
            case TicketEvent.TicketReturnedToQueue r -> {
                v.state = TicketState.WAITING.name();
                v.counterId = null;
                v.calledAt = null;
                v.recalls = 0;
                v.closedAt = null;
            }
            case TicketEvent.ServiceStarted s -> {
                v.state = TicketState.SERVING.name();
                v.startedAt = s.startedAt();
            }
            case TicketEvent.TicketTransferred x -> {
                v.state = TicketState.WAITING.name();
                v.serviceType = x.toServiceType();
                v.counterId = null;
                v.calledAt = null;
                v.recalls = 0;
                v.startedAt = null;
            }
            case TicketEvent.TicketClosedAtEndOfDay eod -> {
                v.state = TicketState.END_OF_DAY.name();
                v.closedAt = eod.closedAt();
            }
            case TicketEvent.TicketCarriedOver c -> v.businessDate = c.toDate();
            case TicketEvent.VisitClosed c -> {
                v.state = TicketState.CLOSED.name();
                v.closedAt = c.closedAt();
                v.outcome = c.outcome();
            }
        }
        v.version = version;
    }
}
