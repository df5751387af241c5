package id.loket.membership.contribution.projection;

import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.platform.eventstore.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.projection.Projection;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.util.List;

/** Bills (per line), payments and settlements, from the bill-, payment- and account- streams. */
@ApplicationScoped
public class ContributionProjection implements Projection {

    private final EventCodec codec;

    ContributionProjection(EventCodec codec) {
        this.codec = codec;
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

    private static void setCancelled(String account, String month, java.util.UUID participant, boolean cancelled) {
        Panache.getEntityManager()
                .createNativeQuery("UPDATE bill_line SET cancelled = ?4 WHERE account_id = ?1 AND month = ?2 AND participant_id = ?3")
                .setParameter(1, account).setParameter(2, month).setParameter(3, participant).setParameter(4, cancelled)
                .executeUpdate();
    }
}
