package id.loket.membership.contribution.projection;

import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.platform.eventstore.EventStoreException;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.projection.Projection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Bills (per line), payments and settlements, from the bill-, payment- and account- streams.
 *
 * <p>A billing run asks for its transaction's bills to be collected ({@link #collectBills()}) and writes their
 * lines with one statement that reads them from the stored events ({@link #writeCollected()}), instead of one
 * statement per bill: a chunk of a thousand accounts then costs a few round trips, not a thousand. Whatever is
 * still collected is written before any other contribution event of the transaction and before it commits.
 * Rebuilds and single appends take the usual path.
 */
@ApplicationScoped
public class ContributionProjection implements Projection {

    private static final Object COLLECTED = new Object();
    private static final String BILLED = "ContributionBilled";
    // The same rows apply() makes from a decoded bill, straight from the stored events (only for the current
    // schema version, so no upcasting is needed). The account and month are taken once per bill, in a materialized
    // step: read per line, a large bill's payload (the government's, one line per PBI participant; stored
    // compressed) would be decompressed again for every line. Counts the bills found, so that a collected bill left
    // unwritten is an error, not a silently missing debt.
    private static final String INSERT_LINES = """
            WITH bills AS MATERIALIZED (
                SELECT payload->>'accountId' AS account_id, payload->>'month' AS month, payload->'lines' AS lines
                  FROM event_store
                 WHERE position = ANY(?::int8[]) AND event_type = 'ContributionBilled'),
            written AS (
                INSERT INTO bill_line (account_id, month, participant_id, amount, cancelled)
                SELECT b.account_id, b.month, CAST(l->>'participantId' AS uuid), CAST(l->>'amount' AS int8), false
                  FROM bills b CROSS JOIN LATERAL jsonb_array_elements(b.lines) AS l)
            SELECT count(*) FROM bills""";

    private final EventCodec codec;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    ContributionProjection(EventCodec codec, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.codec = codec;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** From now until {@link #writeCollected()} (or the commit), the bills of this transaction are collected. */
    public void collectBills() {
        if (transactions.getResource(COLLECTED) != null) return;
        List<Long> positions = new ArrayList<>();
        transactions.putResource(COLLECTED, positions);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                write(positions);
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** Writes the collected bills' lines now, with one statement. */
    public void writeCollected() {
        List<Long> positions = collecting();
        if (positions != null) write(positions);
    }

    @Override
    public String name() {
        return "contributions";
    }

    @Override
    public List<String> tables() {
        return List.of("bill_line", "payment_view", "settlement_line");
    }

    @Override
    public void apply(StoredEvent event) {
        String s = event.streamId();
        if (!(s.startsWith("bill-") || s.startsWith("payment-") || s.startsWith("account-"))) return;
        List<Long> collecting = collecting();
        if (collecting != null) {
            if (BILLED.equals(event.type()) && event.schemaVersion() == codec.currentVersion(BILLED)) {
                collecting.add(event.position());
                return;
            }
            write(collecting); // a cancellation or payment after a collected bill must find its lines
        }
        var em = Panache.getEntityManager();
        switch (codec.decode(event, ContributionEvent.class)) {
            case ContributionEvent.ContributionBilled b -> {
                // one statement per bill, however many lines (an employer's bill has one per worker)
                StringBuilder ids = new StringBuilder("{"), amounts = new StringBuilder("{");
                for (ContributionEvent.Line l : b.lines()) {
                    if (ids.length() > 1) {
                        ids.append(',');
                        amounts.append(',');
                    }
                    ids.append(l.participantId());
                    amounts.append(l.amount());
                }
                em.createNativeQuery("""
                                INSERT INTO bill_line (account_id, month, participant_id, amount, cancelled)
                                SELECT ?1, ?2, l.id, l.amount, false FROM unnest(CAST(?3 AS uuid[]), CAST(?4 AS int8[])) AS l(id, amount)""")
                        .setParameter(1, b.accountId()).setParameter(2, b.month().toString())
                        .setParameter(3, ids.append('}').toString()).setParameter(4, amounts.append('}').toString()).executeUpdate();
            }
            case ContributionEvent.BillCancelled c -> setCancelled(c.accountId(), c.month().toString(), c.participantId(), true);
            case ContributionEvent.BillRestored r -> setCancelled(r.accountId(), r.month().toString(), r.participantId(), false);
            case ContributionEvent.ContributionPaid p ->
                    em.createNativeQuery("INSERT INTO payment_view (reference, account_id, amount, paid_at, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                            .setParameter(1, p.reference()).setParameter(2, p.accountId()).setParameter(3, p.amount())
                            .setParameter(4, Timestamp.from(p.paidAt())).setParameter(5, Timestamp.from(event.recordedAt()))
                            .executeUpdate();
            case ContributionEvent.PaymentAllocated a -> {
                for (ContributionEvent.Settled x : a.settled()) {
                    em.createNativeQuery("INSERT INTO settlement_line (account_id, month, reference, amount) VALUES (?1, ?2, ?3, ?4)")
                            .setParameter(1, a.accountId()).setParameter(2, x.month().toString())
                            .setParameter(3, a.reference()).setParameter(4, x.amount()).executeUpdate();
                }
            }
            case ContributionEvent.InstalmentPlanOpened o -> {
            }
            case ContributionEvent.InstalmentPlanCompleted c -> {
            }
        }
    }

    // Instalment plans are read from the account stream itself (a few events per account).

    @SuppressWarnings("unchecked")
    private List<Long> collecting() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE ? (List<Long>) transactions.getResource(COLLECTED) : null;
    }

    // On the transaction's own connection (also from beforeCompletion, where the entity manager may be done).
    private void write(List<Long> positions) {
        if (positions.isEmpty()) return;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_LINES)) {
            ps.setArray(1, c.createArrayOf("int8", positions.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long bills = rs.getLong(1);
                if (bills != positions.size()) throw new IllegalStateException(bills + " bills found for " + positions.size() + " collected events");
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not write the lines of " + positions.size() + " bills", e);
        }
        positions.clear();
    }

    private static void setCancelled(String account, String month, java.util.UUID participant, boolean cancelled) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE bill_line SET cancelled = ?4 WHERE account_id = ?1 AND month = ?2 AND participant_id = ?3")
                .setParameter(1, account).setParameter(2, month).setParameter(3, participant).setParameter(4, cancelled)
                .executeUpdate();
    }
}
