package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Account;
import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Instalment plans for arrears (program REHAB): opened on the account stream, completed by the payment that pays them. */
@ApplicationScoped
public class InstalmentPlans {

    /** A plan and how far it is paid; the next instalment is the first not yet covered by what was paid. */
    public record PlanView(UUID planId, String accountId, String status, LocalDate openedOn, List<ContributionEvent.Settled> months,
                           long total, long paid, long remaining, List<ContributionEvent.Instalment> instalments,
                           ContributionEvent.Instalment nextInstalment, String completedBy) {

        static PlanView of(String accountId, Account.Plan plan, Ledger ledger) {
            long remaining = plan.remaining(ledger);
            long paid = plan.total() - remaining;
            ContributionEvent.Instalment next = null;
            long covered = 0;
            for (ContributionEvent.Instalment i : plan.instalments()) {
                covered += i.amount();
                if (plan.open() && covered > paid) {
                    next = i;
                    break;
                }
            }
            return new PlanView(plan.planId(), accountId, plan.open() ? "OPEN" : "COMPLETED", plan.openedOn(), plan.months(),
                    plan.total(), paid, remaining, plan.instalments(), next, plan.completedBy());
        }
    }

    private final AggregateRepository aggregates;
    private final Ledgers ledgers;
    private final Clock clock;

    InstalmentPlans(AggregateRepository aggregates, Ledgers ledgers, Clock clock) {
        this.aggregates = aggregates;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    /**
     * Splits the account's arrears (the counted months before the current one) into up to 12 instalments.
     * A second plan while one is open, or a plan without arrears, is a conflict.
     */
    @Transactional
    public PlanView open(String accountId, int instalments) {
        requireAccount(accountId);
        if (accountId.startsWith("government-")) {
            throw new RuleViolation("PBI contributions are paid by the government: no instalment plan");
        }
        LocalDate today = LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE));
        var billed = ledgers.billed(accountId);
        UUID planId = UUID.randomUUID();
        var handled = aggregates.handle(Account.streamId(accountId), Account.DECIDER, ContributionEvent.class,
                new Account.OpenPlan(accountId, planId, instalments, billed, today));
        Account.Plan plan = handled.state().plans().getLast();
        return PlanView.of(accountId, plan, handled.state().ledger(billed));
    }

    /** Every plan of the account, oldest first. */
    public List<PlanView> list(String accountId) {
        requireAccount(accountId);
        Account account = aggregates.load(Account.streamId(accountId), Account.DECIDER, ContributionEvent.class).state();
        Ledger ledger = account.ledger(ledgers.billed(accountId));
        return account.plans().stream().map(p -> PlanView.of(accountId, p, ledger)).toList();
    }

    private static void requireAccount(String accountId) {
        if (ParticipantView.count("accountId", accountId) == 0) throw new NotFound("no billing account " + accountId);
    }
}
