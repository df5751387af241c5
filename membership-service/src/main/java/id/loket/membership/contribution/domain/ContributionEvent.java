package id.loket.membership.contribution.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Money on a billing account (the family for PBPU/BP, the employer for PPU, the government for PBI).
 * Bills live in {@code bill-<account>-<month>} (created once), payments in {@code payment-<reference>}
 * (recorded once), and how payments settle months in {@code account-<account>} (one aggregate, so two
 * concurrent payments cannot settle the same month twice).
 */
public sealed interface ContributionEvent {

    String accountId();

    record Line(UUID participantId, long amount) {
    }

    record ContributionBilled(String accountId, YearMonth month, long amount, List<Line> lines, LocalDate dueDate)
            implements ContributionEvent {
    }

    /** A participant's line of a bill no longer owed (a month after the date of death). */
    record BillCancelled(String accountId, YearMonth month, UUID participantId, long amount, String reason)
            implements ContributionEvent {
    }

    /** A cancelled line owed again (the deactivation was reversed). */
    record BillRestored(String accountId, YearMonth month, UUID participantId, long amount)
            implements ContributionEvent {
    }

    record ContributionPaid(String accountId, String reference, long amount, Instant paidAt) implements ContributionEvent {
    }

    record Settled(YearMonth month, long amount) {
    }

    /** How a payment (plus any credit) settled the oldest open months; what is left stays as credit. */
    record PaymentAllocated(String accountId, String reference, long amount, List<Settled> settled, long creditAfter)
            implements ContributionEvent {
    }

    record Instalment(int number, LocalDate dueDate, long amount) {
    }

    /**
     * Arrears split into up to 12 instalments (program REHAB). Payments keep settling the oldest months first,
     * so they go to the plan's months; the account's participants stay suspended until the plan is paid in full.
     */
    record InstalmentPlanOpened(String accountId, UUID planId, LocalDate openedOn, List<Settled> months, long total,
                                List<Instalment> instalments) implements ContributionEvent {
    }

    /** Every month of the plan is settled, by the payment {@code reference}. */
    record InstalmentPlanCompleted(String accountId, UUID planId, String reference) implements ContributionEvent {
    }
}
