package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Account;
import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionPaid;
import id.loket.membership.contribution.domain.ContributionEvent.PaymentAllocated;
import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import id.loket.platform.events.EventCodec;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records a payment once per reference, settles the account's oldest open months, keeps the rest as credit
 * and reactivates the account's suspended participants in the same transaction when they are clear.
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

    private final EventStore store;
    private final EventCodec codec;
    private final AggregateRepository aggregates;
    private final Ledgers ledgers;
    private final Clock clock;

    PaymentService(EventStore store, EventCodec codec, AggregateRepository aggregates, Ledgers ledgers, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.aggregates = aggregates;
        this.ledgers = ledgers;
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
        ContributionPaid paid = new ContributionPaid(p.accountId(), p.reference(), p.amount(), p.paidAt());
        if (!store.appendIfAbsent("payment-" + p.reference(), List.of(codec.encode(paid)))) {
            return duplicate(p);
        }
        // Version first, then the bills: a payment that commits in between makes our append conflict.
        String stream = Account.streamId(p.accountId());
        var loaded = aggregates.load(stream, Account.DECIDER, ContributionEvent.class);
        var billed = ledgers.billed(p.accountId());
        YearMonth current = YearMonth.from(p.paidAt().atZone(ParticipantService.JKN_ZONE));
        List<ContributionEvent> events = Account.DECIDER.decide().apply(
                new Account.Allocate(p.accountId(), p.reference(), p.amount(), billed, Ledger.oldestCounted(current)), loaded.state());
        store.append(stream, ExpectedVersion.exactly(loaded.version()), events.stream().map(codec::encode).toList());
        PaymentAllocated allocated = (PaymentAllocated) events.getFirst();
        Account account = Account.DECIDER.fold(loaded.state(), events);
        Ledger after = account.ledger(billed);
        Account.Plan planBefore = loaded.state().openPlan();
        InstalmentPlans.PlanView plan = planBefore == null ? null
                : InstalmentPlans.PlanView.of(p.accountId(), account.plans().stream()
                .filter(x -> x.planId().equals(planBefore.planId())).findFirst().orElseThrow(), after);

        // Active again once the arrears plus the current month are paid; under an instalment plan, not before
        // the plan is paid in full (DOMAIN.md).
        List<UUID> reactivated = new ArrayList<>();
        if (after.clearedFor(current) && account.openPlan() == null) {
            LocalDate on = p.paidAt().atZone(ParticipantService.JKN_ZONE).toLocalDate();
            for (ParticipantView v : ParticipantView.onAccount(p.accountId())) {
                if (!ParticipantStatus.SUSPENDED.name().equals(v.status)) continue;
                var handled = aggregates.handle(Participant.streamId(v.participantId), Participant.DECIDER, ParticipantEvent.class,
                        new Participant.Command.Reactivate(on));
                if (!handled.events().isEmpty()) reactivated.add(v.participantId);
            }
        }
        return new Result(p.reference(), p.accountId(), p.amount(), p.paidAt(), allocated.settled(), allocated.creditAfter(),
                reactivated, false, plan);
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
