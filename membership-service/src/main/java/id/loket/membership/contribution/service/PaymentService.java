package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Account;
import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionPaid;
import id.loket.membership.contribution.domain.ContributionEvent.PaymentAllocated;
import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Records a payment once per reference, settles the account's oldest open months, keeps the rest as credit
 * and reactivates the account's suspended participants in the same transaction when they are clear
 * ({@link ReactivationPolicy}).
 */
@ApplicationScoped
public class PaymentService {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PaymentService.class);
    static final int ATTEMPTS = 10;

    public record Payment(String accountId, long amount, Instant paidAt, String reference) {
    }

    /** {@code instalmentPlan}: the plan that was open when the payment came, as it stands after it (else null). */
    public record Result(String reference, String accountId, long amount, Instant paidAt, List<ContributionEvent.Settled> settled,
                         long creditAfter, List<UUID> reactivated, boolean duplicate, InstalmentPlans.PlanView instalmentPlan) {
    }

    private final AggregateRepository aggregates;
    private final Ledgers ledgers;
    private final ReactivationPolicy reactivation;
    private final Clock clock;

    PaymentService(AggregateRepository aggregates, Ledgers ledgers, ReactivationPolicy reactivation, Clock clock) {
        this.aggregates = aggregates;
        this.ledgers = ledgers;
        this.reactivation = reactivation;
        this.clock = clock;
    }

    /** The account is one aggregate: a concurrent payment makes this one conflict, and it is retried afresh. */
    public Result pay(Payment p) {
        if (p.paidAt().isAfter(clock.instant())) throw new InvalidField("paidAt", "must not be in the future");
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> payOnce(p));
            } catch (RuntimeException e) {
                if (!(rootConflict(e)) || attempt == ATTEMPTS) throw e;
                LOG.infof("payment %s met a concurrent payment on account %s; retry %d", p.reference(), p.accountId(), attempt);
            }
        }
    }

    private static boolean rootConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WrongExpectedVersionException) return true;
        }
        return false;
    }

    private Result payOnce(Payment p) {
        if (ParticipantView.count("accountId", p.accountId()) == 0) throw new NotFound("no billing account " + p.accountId());
        var record = new id.loket.membership.contribution.domain.Payment.Command.Record(p.accountId(), p.reference(), p.amount(), p.paidAt());
        String paymentStream = id.loket.membership.contribution.domain.Payment.streamId(p.reference());
        var creation = aggregates.createOnce(paymentStream, id.loket.membership.contribution.domain.Payment.DECIDER, record);
        if (!(creation instanceof AggregateRepository.Creation.Created<?, ContributionEvent> created)) {
            // recorded before: the payment's own stream refuses another payment under its reference
            aggregates.handle(paymentStream, id.loket.membership.contribution.domain.Payment.DECIDER, ContributionEvent.class, record);
            return duplicate(p);
        }
        ContributionPaid paid = (ContributionPaid) created.handled().events().getFirst();
        var billed = ledgers.billed(p.accountId());
        YearMonth current = YearMonth.from(p.paidAt().atZone(ParticipantService.JKN_ZONE));
        var handled = aggregates.handle(Account.streamId(p.accountId()), Account.DECIDER, ContributionEvent.class,
                new Account.Allocate(p.accountId(), p.reference(), p.amount(), billed, Ledger.oldestCounted(current)));
        PaymentAllocated allocated = (PaymentAllocated) handled.events().getFirst();
        Account account = handled.state();
        return new Result(p.reference(), p.accountId(), p.amount(), p.paidAt(), allocated.settled(), allocated.creditAfter(),
                reactivation.onPaid(paid, account, billed), false, planPaidInto(p.accountId(), account, handled.events(), billed));
    }

    /** The plan that was open when the payment came, as it stands after it; null when none was open. */
    private static InstalmentPlans.PlanView planPaidInto(String accountId, Account account, List<ContributionEvent> events,
                                                         java.util.SortedMap<YearMonth, Long> billed) {
        Account.Plan plan = events.stream()
                .filter(e -> e instanceof ContributionEvent.InstalmentPlanCompleted)
                .map(e -> ((ContributionEvent.InstalmentPlanCompleted) e).planId())
                .flatMap(id -> account.plans().stream().filter(x -> x.planId().equals(id)))
                .findFirst().orElse(account.openPlan());
        return plan == null ? null : InstalmentPlans.PlanView.of(accountId, plan, account.ledger(billed));
    }

    private Result duplicate(Payment p) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT account_id, amount FROM payment_view WHERE reference = ?1")
                .setParameter(1, p.reference()).getSingleResult();
        if (!p.accountId().equals(row[0]) || p.amount() != ((Number) row[1]).longValue()) {
            throw new RuleViolation("payment reference " + p.reference() + " was already used for another payment");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> lines = Panache.getEntityManager()
                .createNativeQuery("SELECT month, amount FROM settlement_line WHERE reference = ?1 ORDER BY month")
                .setParameter(1, p.reference()).getResultList();
        List<ContributionEvent.Settled> settled = lines.stream()
                .map(l -> new ContributionEvent.Settled(YearMonth.parse(l[0].toString().trim()), ((Number) l[1]).longValue())).toList();
        return new Result(p.reference(), p.accountId(), p.amount(), p.paidAt(), settled, ledgers.ledger(p.accountId()).credit(),
                List.of(), true, null);
    }
}
