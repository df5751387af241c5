package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.InstalmentPlanCompleted;
import id.loket.membership.contribution.domain.ContributionEvent.InstalmentPlanOpened;
import id.loket.membership.contribution.domain.ContributionEvent.PaymentAllocated;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/**
 * A billing account as the fold of its settlements and instalment plans. The bills come from their own
 * streams (read with the command), the settlements and plans from this stream: its version is what makes two
 * concurrent payments (or a payment and a new plan) conflict.
 */
public record Account(Ledger settlements, List<Plan> plans) {

    /** Arrears may be paid in up to this many instalments (program REHAB, DOMAIN.md). */
    public static final int MAX_INSTALMENTS = 12;

    public static String streamId(String accountId) {
        return "account-" + accountId;
    }

    /** An instalment plan as opened, and the payment that completed it (null while open). */
    public record Plan(UUID planId, LocalDate openedOn, List<ContributionEvent.Settled> months, long total,
                       List<ContributionEvent.Instalment> instalments, String completedBy) {
        public boolean open() {
            return completedBy == null;
        }

        /** Every month of the plan settled (months that no longer count for arrears are not asked for). */
        boolean paidIn(Ledger ledger, YearMonth oldestCounted) {
            for (ContributionEvent.Settled m : months) {
                if (!m.month().isBefore(oldestCounted) && ledger.open(m.month()) > 0) return false;
            }
            return true;
        }

        /** What is still owed on the plan's months. */
        public long remaining(Ledger ledger) {
            long left = 0;
            for (ContributionEvent.Settled m : months) left += Math.min(m.amount(), ledger.open(m.month()));
            return open() ? left : 0;
        }
    }

    public sealed interface Command {
    }

    /** Allocate a payment over the account's current bills, counting months from {@code from} on. */
    public record Allocate(String accountId, String reference, long amount, SortedMap<YearMonth, Long> billed, YearMonth from)
            implements Command {
    }

    /** Split the arrears as of {@code today} into {@code instalments} payments. */
    public record OpenPlan(String accountId, UUID planId, int instalments, SortedMap<YearMonth, Long> billed, LocalDate today)
            implements Command {
    }

    public static final Decider<Command, ContributionEvent, Account> DECIDER =
            new Decider<>(new Account(Ledger.empty(), List.of()), Account::decide, Account::evolve);

    public Ledger ledger(SortedMap<YearMonth, Long> billed) {
        return new Ledger(billed, settlements.settled(), settlements.totalPaid());
    }

    /**
     * Clear to be active again in {@code current} (DOMAIN.md): the arrears and the current month paid and, under an
     * instalment plan, not before the plan is paid in full.
     */
    public boolean clearedFor(YearMonth current, SortedMap<YearMonth, Long> billed) {
        return ledger(billed).clearedFor(current) && openPlan() == null;
    }

    public Plan openPlan() {
        return plans.isEmpty() || !plans.getLast().open() ? null : plans.getLast();
    }

    static List<ContributionEvent> decide(Command command, Account state) {
        return switch (command) {
            case Allocate c -> allocate(c, state);
            case OpenPlan c -> List.of(openPlan(c, state));
        };
    }

    private static List<ContributionEvent> allocate(Allocate c, Account state) {
        Ledger ledger = state.ledger(c.billed());
        var settled = ledger.allocate(c.amount(), c.from());
        long creditAfter = ledger.credit() + c.amount() - settled.stream().mapToLong(ContributionEvent.Settled::amount).sum();
        PaymentAllocated allocated = new PaymentAllocated(c.accountId(), c.reference(), c.amount(), settled, creditAfter);
        Plan plan = state.openPlan();
        if (plan != null && plan.paidIn(new Account(state.settlements.with(allocated), state.plans).ledger(c.billed()), c.from())) {
            return List.of(allocated, new InstalmentPlanCompleted(c.accountId(), plan.planId(), c.reference()));
        }
        return List.of(allocated);
    }

    private static InstalmentPlanOpened openPlan(OpenPlan c, Account state) {
        if (c.instalments() < 1 || c.instalments() > MAX_INSTALMENTS) {
            throw new InvalidField("instalments", "must be between 1 and " + MAX_INSTALMENTS);
        }
        Plan open = state.openPlan();
        if (open != null) throw new RuleViolation("account " + c.accountId() + " already has an open instalment plan " + open.planId());
        YearMonth current = YearMonth.from(c.today());
        SortedMap<YearMonth, Long> arrears = state.ledger(c.billed()).unpaid(Ledger.oldestCounted(current), current.minusMonths(1));
        if (arrears.isEmpty()) throw new RuleViolation("account " + c.accountId() + " has no arrears to pay in instalments");
        List<ContributionEvent.Settled> months = new ArrayList<>();
        long total = 0;
        for (Map.Entry<YearMonth, Long> m : arrears.entrySet()) {
            months.add(new ContributionEvent.Settled(m.getKey(), m.getValue()));
            total += m.getValue();
        }
        int n = (int) Math.min(c.instalments(), total); // never an instalment of 0 rupiah
        long base = total / n;
        List<ContributionEvent.Instalment> instalments = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            // the first is paid when the plan is agreed, the others by the 10th of each following month
            LocalDate due = i == 1 ? c.today() : current.plusMonths(i - 1).atDay(10);
            instalments.add(new ContributionEvent.Instalment(i, due, i == 1 ? base + total % n : base));
        }
        return new InstalmentPlanOpened(c.accountId(), c.planId(), c.today(), months, total, instalments);
    }

    static Account evolve(Account state, ContributionEvent event) {
        return switch (event) {
            case PaymentAllocated p -> new Account(state.settlements.with(p), state.plans);
            case InstalmentPlanOpened o -> {
                List<Plan> plans = new ArrayList<>(state.plans);
                plans.add(new Plan(o.planId(), o.openedOn(), o.months(), o.total(), o.instalments(), null));
                yield new Account(state.settlements, List.copyOf(plans));
            }
            case InstalmentPlanCompleted done -> {
                List<Plan> plans = new ArrayList<>(state.plans);
                plans.replaceAll(p -> p.planId().equals(done.planId())
                        ? new Plan(p.planId(), p.openedOn(), p.months(), p.total(), p.instalments(), done.reference()) : p);
                yield new Account(state.settlements, List.copyOf(plans));
            }
            default -> state;
        };
    }
}
