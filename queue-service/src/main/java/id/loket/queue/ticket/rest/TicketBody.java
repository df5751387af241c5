package id.loket.queue.ticket.rest;

import id.loket.queue.ticket.projection.TicketView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A ticket as the front-ends see it. */
public record TicketBody(UUID id, UUID visitId, String number, String branch, String serviceType, String source,
                         String priority, LocalDate businessDate, Instant issuedAt, String state, String counterId,
                         Instant calledAt, int recalls, Instant startedAt, Instant closedAt, String outcome,
                         long version) {

    public static TicketBody of(TicketView v) {
        return new TicketBody(v.ticketId, v.visitId, v.number, v.branch, v.serviceType, v.source, v.priority,
                v.businessDate, v.issuedAt, v.state, v.counterId, v.calledAt, v.recalls, v.startedAt, v.closedAt,
                v.outcome, v.version);
    }
}
