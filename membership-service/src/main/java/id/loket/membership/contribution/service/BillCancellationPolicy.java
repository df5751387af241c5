package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Bill;
import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.membership.contribution.domain.MonthOwed;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.platform.aggregate.AggregateRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * After a deactivation ({@link ParticipantDeactivated}), in its transaction: the participant's lines of bills for
 * months after the effective month are no longer owed, so what was paid for them becomes credit. After its reversal
 * ({@link ParticipantDeactivationReversed}) they are owed again. Each bill decides for its own line.
 */
@ApplicationScoped
public class BillCancellationPolicy {

    private final AggregateRepository aggregates;

    BillCancellationPolicy(AggregateRepository aggregates) {
        this.aggregates = aggregates;
    }

    /** The lines cancelled, oldest month first. */
    public List<MonthOwed> onDeactivated(String accountId, ParticipantDeactivated deactivated) {
        YearMonth effective = YearMonth.from(deactivated.effectiveFrom());
        var cancel = new Bill.Command.CancelLine(deactivated.participantId(), effective, deactivated.reason().name());
        return decide(accountId, billedMonths(accountId, deactivated.participantId(), false, effective), cancel);
    }

    /** The lines owed again, oldest month first. */
    public List<MonthOwed> onReversed(String accountId, ParticipantDeactivationReversed reversed) {
        return decide(accountId, billedMonths(accountId, reversed.participantId(), true, null),
                new Bill.Command.RestoreLine(reversed.participantId()));
    }

    private List<MonthOwed> decide(String accountId, List<YearMonth> months, Bill.Command command) {
        List<MonthOwed> out = new ArrayList<>();
        for (YearMonth month : months) {
            var handled = aggregates.handle(Bill.streamId(accountId, month), Bill.DECIDER, ContributionEvent.class, command);
            for (ContributionEvent e : handled.events()) {
                switch (e) {
                    case ContributionEvent.BillCancelled c -> out.add(new MonthOwed(c.month(), c.amount()));
                    case ContributionEvent.BillRestored r -> out.add(new MonthOwed(r.month(), r.amount()));
                    default -> {
                    }
                }
            }
        }
        return out;
    }

    /**
     * The months of the account's bills with a line of the participant in that state (after {@code after}, when
     * given): which bill streams to ask, so that a deactivation does not read every bill since registration.
     */
    private static List<YearMonth> billedMonths(String account, UUID participant, boolean cancelled, YearMonth after) {
        @SuppressWarnings("unchecked")
        List<Object> rows = Panache.getEntityManager().createNativeQuery(
                        "SELECT month FROM bill_line WHERE account_id = ?1 AND participant_id = ?2 AND cancelled = ?3")
                .setParameter(1, account).setParameter(2, participant).setParameter(3, cancelled).getResultList();
        TreeSet<YearMonth> months = new TreeSet<>();
        for (Object r : rows) {
            YearMonth m = YearMonth.parse(r.toString().trim());
            if (after == null || m.isAfter(after)) months.add(m);
        }
        return List.copyOf(months);
    }
}
