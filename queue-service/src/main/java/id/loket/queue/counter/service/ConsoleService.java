package id.loket.queue.counter.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.ServiceType;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.counter.domain.CounterSession;
import id.loket.queue.counter.projection.CounterSessionView;
import id.loket.queue.ticket.domain.Ticket;
import id.loket.queue.ticket.domain.TicketEvent;
import id.loket.queue.ticket.projection.QueueNow;
import id.loket.queue.ticket.projection.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the counter console from the read models; the ticket's recall and no-show rules from its own state. */
@ApplicationScoped
public class ConsoleService {

    private final BranchSetup setup;
    private final QueueNow queue;
    private final AggregateRepository aggregates;
    private final EntityManager em;
    private final QueueConfig config;
    private final Clock clock;

    ConsoleService(BranchSetup setup, QueueNow queue, AggregateRepository aggregates, EntityManager em,
                   QueueConfig config, Clock clock) {
        this.setup = setup;
        this.queue = queue;
        this.aggregates = aggregates;
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public CounterConsole console(String counterId) {
        Counter c = setup.counter(counterId);
        Instant now = clock.instant();
        CounterSessionView s = CounterSessionView.findById(c.id);
        TicketView t = queue.atCounter(c.id).orElse(null);
        CounterSession.Activity activity = CounterSession.activity(c.isOpen(), t == null ? null : t.state);

        Map<String, QueueNow.Waiting> waiting = queue.waiting(c.branchCode);
        List<CounterConsole.Waiting> types = new ArrayList<>();
        for (String type : c.serviceTypes) {
            ServiceType st = ServiceType.of(c.branchCode, type).orElse(null);
            if (st == null) continue;
            QueueNow.Waiting w = waiting.get(type);
            Long oldest = w == null ? null : Duration.between(w.oldestIssuedAt(), now).toSeconds();
            types.add(new CounterConsole.Waiting(type, st.name, w == null ? 0 : w.count(), w == null ? null : w.oldestIssuedAt(),
                    oldest, st.waitTargetMinutes, oldest != null && oldest > st.waitTargetSeconds()));
        }
        return new CounterConsole(c.id, c.branchCode, c.name, c.serviceTypes, activity.name(), c.staffedBy,
                s == null || !c.isOpen() ? null : s.openedBy, s == null || !c.isOpen() ? null : s.openedAt,
                s == null ? null : s.activitySince, now, config.noShowAfterRecalls(), config.recallGracePeriod().toSeconds(),
                t == null ? null : current(t, now), types);
    }

    private CounterConsole.Current current(TicketView v, Instant now) {
        Ticket t = aggregates.load(Ticket.streamId(v.ticketId), Ticket.DECIDER, TicketEvent.class).state();
        Duration grace = config.recallGracePeriod();
        return new CounterConsole.Current(v.ticketId, v.number, v.visitId, v.serviceType, v.priority, v.source, v.state,
                v.issuedAt, v.queuedAt, v.calledAt, v.startedAt, Duration.between(v.issuedAt, v.calledAt).toSeconds(),
                Duration.between(v.calledAt, now).toSeconds(),
                v.startedAt == null ? null : Duration.between(v.startedAt, now).toSeconds(), v.recalls,
                t.graceOverAt(grace), t.mayRecall(grace, now), t.mayMarkNoShow(config.noShowAfterRecalls(), grace, now),
                door(v));
    }

    private CounterConsole.Door door(TicketView v) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT purpose, membership_status, months_in_arrears, arrears_amount, membership_source, screened_at
                  FROM screening_view WHERE ticket_id = ?1 LIMIT 1""").setParameter(1, v.ticketId).getResultList();
        if (rows.isEmpty()) return null;
        Object[] r = rows.getFirst();
        return new CounterConsole.Door((String) r[0], (String) r[1], r[2] == null ? null : ((Number) r[2]).intValue(),
                r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], QueueNow.instant(r[5]));
    }
}
