package id.loket.membership.arrears.service;

import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.contribution.service.Ledgers;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * Daily: every account with a month unpaid by its end suspends its active participants from the 1st of the
 * next month (the whole family for PBPU/BP, every worker for an employer). Never PBI. Idempotent (a
 * suspended participant is not suspended again) and safe to run late: the effective date comes from the
 * unpaid month, not from the day of the run.
 */
@ApplicationScoped
public class SuspensionJob {

    private static final Logger LOG = Logger.getLogger(SuspensionJob.class);
    static final int CHUNK_ACCOUNTS = 500;

    private final Ledgers ledgers;
    private final AggregateRepository aggregates;
    private final Clock clock;

    SuspensionJob(Ledgers ledgers, AggregateRepository aggregates, Clock clock) {
        this.ledgers = ledgers;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    @Scheduled(cron = "{membership.suspension-cron:0 15 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        runToday();
    }

    /** The run for today's business date in Asia/Jakarta, by the clock. */
    public Report runToday() {
        return runFor(LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE)));
    }

    public record Report(LocalDate date, int accountsInArrears, int suspended) {
    }

    /** Suspensions due on {@code today} (Asia/Jakarta): months before today's month that are still unpaid. */
    public Report runFor(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        String after = "";
        int accounts = 0, suspended = 0;
        while (true) {
            String from = after;
            int[] counts = new int[2];
            String last = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<String> ids = Panache.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT account_id FROM participant_view
                         WHERE account_id > ?1 AND status = 'ACTIVE' AND segment NOT IN ('PBI_APBN', 'PBI_APBD')
                         ORDER BY account_id LIMIT ?2""").setParameter(1, from).setParameter(2, CHUNK_ACCOUNTS).getResultList();
                for (String account : ids) {
                    int n = suspend(account, current);
                    if (n >= 0) counts[0]++;
                    counts[1] += Math.max(n, 0);
                }
                return ids.isEmpty() ? null : ids.getLast();
            });
            accounts += counts[0];
            suspended += counts[1];
            if (last == null) break;
            after = last;
        }
        LOG.infof("suspension run for %s: %d accounts in arrears, %d participants suspended", today, accounts, suspended);
        return new Report(today, accounts, suspended);
    }

    /** The same for these accounts only (the demo data), in one transaction. */
    public Report runFor(LocalDate today, Collection<String> accounts) {
        YearMonth current = YearMonth.from(today);
        int[] counts = new int[2];
        QuarkusTransaction.requiringNew().run(() -> {
            for (String account : accounts) {
                int n = suspend(account, current);
                if (n >= 0) counts[0]++;
                counts[1] += Math.max(n, 0);
            }
        });
        return new Report(today, counts[0], counts[1]);
    }

    /** Suspends the account's active members when it is in arrears: how many, or -1 when it is not in arrears. */
    private int suspend(String account, YearMonth current) {
        Ledger ledger = ledgers.ledger(account);
        SortedMap<YearMonth, Long> unpaid = ledger.unpaid(Ledger.oldestCounted(current), current.minusMonths(1));
        if (unpaid.isEmpty()) return -1;
        LocalDate effective = unpaid.firstKey().plusMonths(1).atDay(1);
        @SuppressWarnings("unchecked")
        List<UUID> members = Panache.getEntityManager().createNativeQuery("""
                SELECT participant_id FROM participant_view WHERE account_id = ?1 AND status = 'ACTIVE'
                   AND segment NOT IN ('PBI_APBN', 'PBI_APBD') AND registration_date < ?2""")
                .setParameter(1, account).setParameter(2, effective).getResultList();
        long amount = unpaid.values().stream().mapToLong(Long::longValue).sum(); // the arrears GET …/arrears shows
        int suspended = 0;
        for (UUID id : members) {
            var handled = aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                    new Participant.Command.Suspend(effective, unpaid.size(), amount));
            suspended += handled.events().size();
        }
        return suspended;
    }
}
