package id.loket.queue.counter.projection;

import id.loket.platform.events.EventCodec;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.projection.Projection;
import id.loket.queue.counter.domain.CounterEvent;
import id.loket.queue.ticket.domain.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;

/**
 * Keeps counter_session in step with the counter streams (who staffs it, since when) and with the ticket events a
 * counter acts in (when it last changed what it does); every value from the event.
 *
 * <p>Still the untyped {@link Projection}: it reads two event families (CounterEvent and TicketEvent) into one table,
 * and the platform's {@code EventProjection} names one family (a sealed interface cannot span two packages), so the
 * typed form would split counter_session in two, with a migration and a second rebuild. Each event is still decoded
 * into its family's record by the codec, never picked apart as JSON.
 */
@ApplicationScoped
public class CounterSessionProjection implements Projection {

    private final EventCodec codec;
    private final EntityManager em;

    CounterSessionProjection(EventCodec codec, EntityManager em) {
        this.codec = codec;
        this.em = em;
    }

    @Override
    public String name() {
        return "counter_sessions";
    }

    @Override
    public List<String> tables() {
        return List.of("counter_session");
    }

    @Override
    public void apply(StoredEvent event) {
        if (event.streamId().startsWith("counter-")) {
            switch (codec.decode(event, CounterEvent.class)) {
                case CounterEvent.CounterOpened o -> em.createNativeQuery("""
                        INSERT INTO counter_session (counter_id, branch, staffed_by, opened_by, opened_at, activity_since, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)
                        ON CONFLICT (counter_id) DO UPDATE SET branch = excluded.branch, staffed_by = excluded.staffed_by,
                            opened_by = excluded.opened_by, opened_at = excluded.opened_at,
                            activity_since = excluded.activity_since, version = excluded.version""")
                        .setParameter(1, o.counterId()).setParameter(2, o.branch()).setParameter(3, o.staff())
                        .setParameter(4, o.openedBy()).setParameter(5, o.openedAt()).setParameter(6, event.version())
                        .executeUpdate();
                case CounterEvent.CounterClosed c -> em.createNativeQuery("""
                        UPDATE counter_session SET staffed_by = NULL, opened_by = NULL, opened_at = NULL,
                               activity_since = ?2, version = ?3 WHERE counter_id = ?1""")
                        .setParameter(1, c.counterId()).setParameter(2, c.closedAt()).setParameter(3, event.version())
                        .executeUpdate();
            }
        } else if (event.streamId().startsWith("ticket-")) {
            switch (codec.decode(event, TicketEvent.class)) {
                case TicketEvent.TicketCalled c -> activity(c.counterId(), c.calledAt());
                case TicketEvent.ServiceStarted s -> activity(s.counterId(), s.startedAt());
                case TicketEvent.VisitClosed c -> activity(c.counterId(), c.closedAt());
                case TicketEvent.TicketMarkedNoShow n -> activity(n.counterId(), n.markedAt());
                case TicketEvent.TicketTransferred t -> activity(t.fromCounterId(), t.transferredAt());
                default -> { } // the rest do not change what a counter does
            }
        }
    }

    private void activity(String counterId, Instant at) {
        if (counterId == null) return;
        em.createNativeQuery("UPDATE counter_session SET activity_since = ?2 WHERE counter_id = ?1")
                .setParameter(1, counterId).setParameter(2, at).executeUpdate();
    }
}
