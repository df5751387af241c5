package id.loket.membership.contribution.projection;

import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.eventstore.EventStoreException;
import id.loket.platform.projection.EventProjection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Bills (per line), payments and settlements, from the bill-, payment- and account- streams.
 *
 * <p>Bills that come together (a billing run's chunk of a thousand accounts, a rebuild chunk) have their lines
 * inserted with one statement, however many lines (a government bill has one per PBI participant); the other
 * events are written one by one, in order. Instalment plans are read from the account stream itself.
 */
@ApplicationScoped
public class ContributionProjection implements EventProjection<ContributionEvent> {

    private static final String INSERT_LINES = """
            INSERT INTO bill_line (account_id, month, participant_id, amount, cancelled)
            SELECT account, month, participant, amount, false
              FROM unnest(?::text[], ?::text[], ?::uuid[], ?::int8[]) AS l(account, month, participant, amount)""";

    private final AgroalDataSource dataSource;

    ContributionProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
    public Class<ContributionEvent> family() {
        return ContributionEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<ContributionEvent>> events) {
        List<ContributionEvent.ContributionBilled> bills = new ArrayList<>();
        for (EventEnvelope<ContributionEvent> e : events) {
            if (e.event() instanceof ContributionEvent.ContributionBilled b) {
                bills.add(b);
                continue;
            }
            insertLines(bills); // a cancellation or payment after a bill must find its lines
            write(e);
        }
        insertLines(bills);
    }

    private static void write(EventEnvelope<ContributionEvent> e) {
        var em = Panache.getEntityManager();
        switch (e.event()) {
            case ContributionEvent.ContributionBilled b -> throw new IllegalStateException("bills are inserted together");
            case ContributionEvent.BillCancelled c -> setCancelled(c.accountId(), c.month().toString(), c.participantId(), true);
            case ContributionEvent.BillRestored r -> setCancelled(r.accountId(), r.month().toString(), r.participantId(), false);
            case ContributionEvent.ContributionPaid p ->
                    em.createNativeQuery("INSERT INTO payment_view (reference, account_id, amount, paid_at, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                            .setParameter(1, p.reference()).setParameter(2, p.accountId()).setParameter(3, p.amount())
                            .setParameter(4, Timestamp.from(p.paidAt())).setParameter(5, Timestamp.from(e.recordedAt()))
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

    /** The bills' lines with one statement, on the append's connection (enlisted in its transaction). */
    private void insertLines(List<ContributionEvent.ContributionBilled> bills) {
        if (bills.isEmpty()) return;
        int n = bills.stream().mapToInt(b -> b.lines().size()).sum();
        Object[] accounts = new Object[n], months = new Object[n], participants = new Object[n], amounts = new Object[n];
        int i = 0;
        for (ContributionEvent.ContributionBilled b : bills) {
            String month = b.month().toString();
            for (ContributionEvent.Line l : b.lines()) {
                accounts[i] = b.accountId();
                months[i] = month;
                participants[i] = l.participantId();
                amounts[i++] = l.amount();
            }
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_LINES)) {
            ps.setArray(1, c.createArrayOf("text", accounts));
            ps.setArray(2, c.createArrayOf("text", months));
            ps.setArray(3, c.createArrayOf("uuid", participants));
            ps.setArray(4, c.createArrayOf("int8", amounts));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException("could not write the lines of " + bills.size() + " bills", e);
        }
        bills.clear();
    }

    private static void setCancelled(String account, String month, UUID participant, boolean cancelled) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE bill_line SET cancelled = ?4 WHERE account_id = ?1 AND month = ?2 AND participant_id = ?3")
                .setParameter(1, account).setParameter(2, month).setParameter(3, participant).setParameter(4, cancelled)
                .executeUpdate();
    }
}
