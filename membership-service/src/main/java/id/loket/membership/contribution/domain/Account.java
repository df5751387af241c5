package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.PaymentAllocated;
import id.loket.platform.aggregate.Decider;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;

/**
 * A billing account as the fold of its settlements. The bills come from their own streams (read with the
 * command), the settlements from this stream: its version is what makes two concurrent payments conflict.
 */
public record Account(Ledger settlements) {

    public static String streamId(String accountId) {
        return "account-" + accountId;
    }

    /** Allocate a payment over the account's current bills, counting months from {@code from} on. */
    public record Allocate(String accountId, String reference, long amount, SortedMap<YearMonth, Long> billed, YearMonth from) {
    }

    public static final Decider<Allocate, ContributionEvent, Account> DECIDER =
            new Decider<>(new Account(Ledger.empty()), Account::decide, Account::evolve);

    public Ledger ledger(SortedMap<YearMonth, Long> billed) {
        return new Ledger(billed, settlements.settled(), settlements.totalPaid());
    }

    static List<ContributionEvent> decide(Allocate c, Account state) {
        Ledger ledger = state.ledger(c.billed());
        var settled = ledger.allocate(c.amount(), c.from());
        long creditAfter = ledger.credit() + c.amount() - settled.stream().mapToLong(ContributionEvent.Settled::amount).sum();
        return List.of(new PaymentAllocated(c.accountId(), c.reference(), c.amount(), settled, creditAfter));
    }

    static Account evolve(Account state, ContributionEvent event) {
        return event instanceof PaymentAllocated p ? new Account(state.settlements.with(p)) : state;
    }
}
