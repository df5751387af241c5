package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Bill;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionBilled;
import id.loket.membership.contribution.domain.Tariff;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bills every liable participant for a month, one bill per account, each created once
 * ({@code bill-<account>-<month>}: a second run bills nothing twice). Commits per chunk of accounts so that no
 * run holds one long transaction (ARCHITECTURE.md: the snapshot horizon). A chunk costs a few statements, not
 * one per account: the liable participants, which of the chunk's bills exist, the new bills in one append and
 * their read-model lines in one insert. A concurrent run of the same month that created one of the chunk's bills
 * meanwhile fails the append; the chunk is then rolled back and done again, and skips what that run billed.
 */
@ApplicationScoped
public class BillingRun {

    private static final Logger LOG = Logger.getLogger(BillingRun.class);
    static final int CHUNK_ACCOUNTS = 1000;
    // Each retry sees every bill committed before it, so only another run committing in between fails it again.
    private static final int ATTEMPTS = 5;

    public record Report(YearMonth month, int accountsBilled, int accountsAlreadyBilled, long participantsBilled, long totalAmount) {
    }

    private final AggregateRepository aggregates;
    private final Tariffs tariffs;
    private final AgroalDataSource dataSource;

    BillingRun(AggregateRepository aggregates, Tariffs tariffs, AgroalDataSource dataSource) {
        this.aggregates = aggregates;
        this.tariffs = tariffs;
        this.dataSource = dataSource;
    }

    public static String billStream(String accountId, YearMonth month) {
        return Bill.streamId(accountId, month);
    }

    public Report run(YearMonth month) {
        return run(month, null);
    }

    /** Bills only these accounts (the demo data), by the same rules and with the same bill ids as a full run. */
    public Report runFor(YearMonth month, Collection<String> accounts) {
        return run(month, List.copyOf(accounts));
    }

    private Report run(YearMonth month, List<String> accounts) {
        String after = "";
        int billed = 0, already = 0;
        long participants = 0, total = 0;
        while (true) {
            String from = after;
            ChunkResult r = chunkWithRetry(month, from, accounts);
            if (r.lastAccount == null) break;
            after = r.lastAccount;
            billed += r.billed;
            already += r.already;
            participants += r.participants;
            total += r.amount;
        }
        LOG.infof("billing run %s: %d accounts billed, %d already billed", month, billed, already);
        return new Report(month, billed, already, participants, total);
    }

    private record ChunkResult(String lastAccount, int billed, int already, long participants, long amount) {
    }

    private ChunkResult chunkWithRetry(YearMonth month, String after, List<String> only) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> chunk(month, after, only));
            } catch (RuntimeException e) {
                if (!raced(e) || attempt == ATTEMPTS) throw e;
                LOG.infof("billing run %s: the chunk after account '%s' met a concurrent run; retry %d", month, after, attempt);
            }
        }
    }

    private static boolean raced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WrongExpectedVersionException) return true;
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) return true;
        }
        return false;
    }

    private ChunkResult chunk(YearMonth month, String after, List<String> only) throws SQLException {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        // Liable: registered by the end of the month and not deactivated before it (the month of death is billed).
        // The chunk's participants are read account by account (LATERAL, kept from being flattened by OFFSET 0):
        // joined as a whole, the planner expects ~40 rows per account (a government account has one per PBI
        // participant) and scanned all of participant_view for every chunk (1-2.5 s a chunk at 1M participants).
        var query = Panache.getEntityManager().createNativeQuery("""
                WITH accounts AS (
                    SELECT DISTINCT account_id FROM participant_view
                     WHERE account_id > ?1 AND registration_date <= ?2 AND (deactivated_on IS NULL OR deactivated_on >= ?3)
                       %s
                     ORDER BY account_id LIMIT ?4)
                SELECT v.participant_id, v.account_id, v.segment, v.care_class, v.family_card_hash, i.monthly_wage
                  FROM accounts a CROSS JOIN LATERAL (
                       SELECT * FROM participant_view p
                        WHERE p.account_id = a.account_id AND p.registration_date <= ?2
                          AND (p.deactivated_on IS NULL OR p.deactivated_on >= ?3)
                       OFFSET 0) v
                  LEFT JOIN participant_identity i ON i.participant_id = v.participant_id
                 ORDER BY v.account_id, v.registration_date, v.participant_id""".formatted(only == null ? "" : "AND account_id IN (?5)"))
                .setParameter(1, after).setParameter(2, last).setParameter(3, first).setParameter(4, CHUNK_ACCOUNTS);
        if (only != null) query.setParameter(5, only);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) return new ChunkResult(null, 0, 0, 0, 0);
        Map<String, List<Bill.Member>> byAccount = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byAccount.computeIfAbsent((String) r[1], k -> new ArrayList<>()).add(new Bill.Member((UUID) r[0],
                    Segment.valueOf((String) r[2]), r[3] == null ? null : CareClass.valueOf((String) r[3]), (String) r[4],
                    r[5] == null ? null : ((Number) r[5]).longValue()));
        }
        Set<String> existing = existingStreams(byAccount.keySet().stream().map(a -> billStream(a, month)).toList());
        int already = 0;
        String lastAccount = null;
        List<AggregateRepository.NewAggregate<Bill.Command>> bills = new ArrayList<>(byAccount.size());
        Map<Tariff.Key, Tariff> tariffsInForce = new HashMap<>(); // one look-up per segment and class, not per person
        for (Map.Entry<String, List<Bill.Member>> e : byAccount.entrySet()) {
            lastAccount = e.getKey();
            String stream = billStream(e.getKey(), month);
            if (existing.contains(stream)) {
                already++;
                continue;
            }
            for (Tariff.Key key : Bill.tariffsNeeded(e.getValue())) {
                tariffsInForce.computeIfAbsent(key, k -> tariffs.inForce(k, first));
            }
            bills.add(new AggregateRepository.NewAggregate<>(stream, new Bill.Command.Issue(e.getKey(), month, e.getValue(), tariffsInForce)));
        }
        long participants = 0, amount = 0;
        if (!bills.isEmpty()) {
            // one append for the chunk, its lines with one statement (ContributionProjection); refuses the lot if a
            // concurrent run created one of them since the look-up
            for (var created : aggregates.createAll(Bill.DECIDER, bills)) {
                ContributionBilled bill = (ContributionBilled) created.events().getFirst();
                participants += bill.lines().size();
                amount += bill.amount();
            }
        }
        return new ChunkResult(lastAccount, bills.size(), already, participants, amount);
    }

    /** Which of these streams exist: one look-up for a chunk (the unique key's index). */
    private Set<String> existingStreams(List<String> streams) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT stream_id FROM event_store WHERE stream_id = ANY(?) AND version = 1")) {
            ps.setArray(1, c.createArrayOf("text", streams.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }
}
