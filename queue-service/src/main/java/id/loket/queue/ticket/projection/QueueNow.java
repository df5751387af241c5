package id.loket.queue.ticket.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the ticket read model says about a branch's floor right now: who waits, who is at which counter. */
@ApplicationScoped
public class QueueNow {

    private static final List<String> AT_A_COUNTER = List.of("CALLED", "SERVING");

    /** Tickets waiting for a service type, and the earliest issue time among them (the longest wait). */
    public record Waiting(String serviceType, long count, Instant oldestIssuedAt) {
    }

    private final EntityManager em;

    QueueNow(EntityManager em) {
        this.em = em;
    }

    /** Per service type that has anyone waiting. */
    public Map<String, Waiting> waiting(String branch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT service_type, count(*), min(issued_at) FROM ticket_view
                 WHERE branch = ?1 AND state = 'WAITING' GROUP BY service_type""")
                .setParameter(1, branch).getResultList();
        Map<String, Waiting> out = new HashMap<>();
        for (Object[] r : rows) out.put((String) r[0], new Waiting((String) r[0], ((Number) r[1]).longValue(), instant(r[2])));
        return out;
    }

    /** The tickets called or in service at the branch's counters, by counter. */
    public Map<String, TicketView> atCounters(String branch) {
        List<TicketView> rows = TicketView.list("branch = ?1 and state in ?2 order by calledAt", branch, AT_A_COUNTER);
        Map<String, TicketView> out = new HashMap<>();
        for (TicketView v : rows) out.put(v.counterId, v); // one per counter (call-next keeps it so); the latest wins
        return out;
    }

    public Optional<TicketView> atCounter(String counterId) {
        return TicketView.<TicketView>find("counterId = ?1 and state in ?2 order by calledAt desc", counterId, AT_A_COUNTER)
                .firstResultOptional();
    }

    /** Visits closed at each counter of the branch on that business day. */
    public Map<String, Long> servedOn(String branch, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT counter_id, count(*) FROM ticket_view
                 WHERE branch = ?1 AND business_date = ?2 AND state = 'CLOSED' GROUP BY counter_id""")
                .setParameter(1, branch).setParameter(2, day).getResultList();
        Map<String, Long> out = new HashMap<>();
        for (Object[] r : rows) out.put((String) r[0], ((Number) r[1]).longValue());
        return out;
    }

    /** A timestamp column of a native query as an instant. */
    public static Instant instant(Object o) {
        return switch (o) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime odt -> odt.toInstant();
            case Timestamp ts -> ts.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + o.getClass());
        };
    }
}
