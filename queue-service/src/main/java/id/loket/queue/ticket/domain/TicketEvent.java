package id.loket.queue.ticket.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a queue ticket, as published on {@code loket.queue.events} with key {@code ticket-<ticketId>}.
 * Every event carries the visit's id, so a visit can be followed across services; none carries a NIK.
 */
public sealed interface TicketEvent {

    UUID ticketId();

    UUID visitId();

    /** queuedAt orders the queue: the issue time, or an appointment's slot start when that is earlier. */
    record TicketIssued(UUID ticketId, UUID visitId, String ticketNumber, String branch, String serviceType,
                        TicketSource source, Priority priority, LocalDate businessDate, Instant issuedAt,
                        Instant queuedAt)
            implements TicketEvent {
    }

    record TicketCalled(UUID ticketId, UUID visitId, String ticketNumber, String branch, String counterId,
                        String serviceType, Instant calledAt) implements TicketEvent {
    }

    record TicketRecalled(UUID ticketId, UUID visitId, String branch, String counterId, int recall,
                          Instant recalledAt) implements TicketEvent {
    }

    record TicketMarkedNoShow(UUID ticketId, UUID visitId, String branch, String counterId, int recalls,
                              Instant markedAt) implements TicketEvent {
    }

    /** A no-show visitor who came back, put back in the queue by staff at their original place. */
    record TicketReturnedToQueue(UUID ticketId, UUID visitId, String branch, String returnedBy,
                                 Instant returnedAt) implements TicketEvent {
    }

    record ServiceStarted(UUID ticketId, UUID visitId, String branch, String counterId, Instant startedAt)
            implements TicketEvent {
    }

    /** Back to waiting, for another service type, keeping its place by original issue time. */
    record TicketTransferred(UUID ticketId, UUID visitId, String branch, String fromServiceType,
                             String toServiceType, String fromCounterId, Instant transferredAt)
            implements TicketEvent {
    }

    /**
     * A served visit ends; waited = the call that led to service − issue, served = close − start. zone is the
     * branch's IANA zone id, so a reader can tell the visit's local day without a copy of the branch set-up
     * (added within v1; events recorded before it have none).
     */
    record VisitClosed(UUID visitId, UUID ticketId, String ticketNumber, String branch, String counterId,
                       String serviceType, TicketSource source, Priority priority, Instant issuedAt,
                       Instant calledAt, Instant startedAt, Instant closedAt, long waitedSeconds,
                       long servedSeconds, String outcome, String complaintId, List<String> channelsEducated,
                       String zone)
            implements TicketEvent {
    }

    /** Still waiting (or called, not yet served) at closing time, where the branch closes its queue. */
    record TicketClosedAtEndOfDay(UUID ticketId, UUID visitId, String ticketNumber, String branch,
                                  String serviceType, LocalDate businessDate, Instant closedAt)
            implements TicketEvent {
    }

    /** Where the branch keeps its queue overnight: waits on into the next business day, in its original order. */
    record TicketCarriedOver(UUID ticketId, UUID visitId, String ticketNumber, String branch, LocalDate fromDate,
                             LocalDate toDate, Instant carriedAt) implements TicketEvent {
    }
}
