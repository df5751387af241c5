package id.loket.membership.arrears.service;

import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.contribution.domain.MonthOwed;
import id.loket.membership.contribution.service.Ledgers;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/** What a participant's account owes to be active (the counted arrears and the current month) and the inpatient penalty. */
@ApplicationScoped
public class ArrearsService {

    /** Penalty (denda) for an inpatient stay within 45 days of reactivation (DOMAIN.md). */
    static final int PENALTY_BP_PER_MONTH = 500;
    static final int PENALTY_MAX_MONTHS = 12;
    static final long PENALTY_CAP = 30_000_000L;

    public record Penalty(long inaCbgTariff, int monthsCounted, long amount) {
    }

    public record Arrears(UUID participantId, String accountId, String status, List<MonthOwed> months, long arrearsTotal,
                          YearMonth currentMonth, long currentMonthOwed, long credit, long totalToBeActive, Penalty penalty) {
    }

    private final Ledgers ledgers;
    private final ParticipantService participants;

    ArrearsService(Ledgers ledgers, ParticipantService participants) {
        this.ledgers = ledgers;
        this.participants = participants;
    }

    public Arrears arrears(UUID id, Long inaCbgTariff) {
        ParticipantView v = ParticipantView.findById(id);
        if (v == null) throw new NotFound("no participant " + id);
        YearMonth current = YearMonth.from(participants.today());
        Ledger ledger = ledgers.ledger(v.accountId);
        SortedMap<YearMonth, Long> owed = ledger.unpaid(Ledger.oldestCounted(current), current.minusMonths(1));
        long arrears = owed.values().stream().mapToLong(Long::longValue).sum();
        long currentOwed = ledger.unpaid(current, current).getOrDefault(current, 0L);
        if (!ledger.billed().containsKey(current) && !ledger.billed().isEmpty()) {
            currentOwed = ledger.billed().get(ledger.billed().lastKey()); // not billed yet: as much as the latest bill
        }
        Penalty penalty = null;
        if (inaCbgTariff != null) {
            if (inaCbgTariff < 0) throw new InvalidField("inaCbgTariff", "must not be negative");
            int months = Math.min(owed.size(), PENALTY_MAX_MONTHS);
            long amount = Math.min(inaCbgTariff * PENALTY_BP_PER_MONTH / 10_000 * months, PENALTY_CAP);
            penalty = new Penalty(inaCbgTariff, months, amount);
        }
        List<MonthOwed> months = owed.entrySet().stream().map(e -> new MonthOwed(e.getKey(), e.getValue())).toList();
        return new Arrears(id, v.accountId, v.status, months, arrears, current, currentOwed, ledger.credit(),
                arrears + currentOwed, penalty);
    }
}
