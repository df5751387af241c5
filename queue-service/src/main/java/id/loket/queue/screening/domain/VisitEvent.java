package id.loket.queue.screening.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happens to a visit before it has a ticket, on {@code loket.queue.events} with key {@code visit-<visitId>}.
 * The typed NIK is never stored: at most its last four digits.
 */
public sealed interface VisitEvent {

    UUID visitId();

    /** arrearsAmount: rupiah in arrears when SUSPENDED and known (added within v1: absent in older events). */
    record VisitorScreened(UUID visitId, String branch, Purpose purpose, String membershipStatus,
                           Integer monthsInArrears, Long arrearsAmount, String membershipSource, String nikLast4,
                           ScreeningOutcome suggestedOutcome, ScreeningOutcome outcome, Channel channel,
                           String serviceType, UUID ticketId, String ticketNumber, LocalDate businessDate,
                           Instant screenedAt)
            implements VisitEvent {
    }
}
