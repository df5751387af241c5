package id.loket.queue.counter.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.NotFound;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.EventsOfBranch;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.counter.domain.CounterEvent;
import id.loket.queue.counter.domain.CounterSession;
import id.loket.queue.ticket.projection.TicketView;
import id.loket.queue.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opening and closing counters (their sessions' events), and calling the next ticket. */
@ApplicationScoped
public class CounterService {

    // The database decides who gets a ticket: the first WAITING row this transaction can lock, skipping rows
    // another counter (on any replica) is calling right now, the oldest by original issue time (an appointment's
    // by its slot start). Priority tickets first unless this counter has reached the cap of priority calls in a
    // row: one class, then the other, each read in the order of ticket_view_waiting_order, so a call stops at
    // the first row it can take instead of sorting every waiting ticket of the branch (bench call-next: at
    // 10,000 waiting, sorting them all per call held 20 counters to 54 calls/s).
    private static final String NEXT_WAITING = """
            SELECT CAST(ticket_id AS text) FROM ticket_view
             WHERE branch = ?1 AND state = 'WAITING' AND service_type = ANY(CAST(?2 AS text[]))
               AND (priority <> 'NONE') = ?3
             ORDER BY queued_at, ticket_id
             LIMIT 1
             FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;
    private final TicketService tickets;
    private final AggregateRepository aggregates;
    private final EventsOfBranch events;
    private final QueueConfig config;
    private final Clock clock;

    CounterService(EntityManager em, TicketService tickets, AggregateRepository aggregates, EventsOfBranch events,
                   QueueConfig config, Clock clock) {
        this.em = em;
        this.tickets = tickets;
        this.aggregates = aggregates;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** staff: who staffs the counter; by: the signed-in person who opens it (may be the same, or a supervisor). */
    @Transactional
    public Counter open(String counterId, String staff, String by) {
        Counter c = lock(counterId); // open, close and call-next of one counter one after the other
        events.at(c.branchCode);
        aggregates.handle(CounterSession.streamId(counterId), CounterSession.DECIDER, CounterEvent.class,
                new CounterSession.Command.Open(counterId, c.branchCode, staff, by, clock.instant()));
        c.priorityRun = 0;
        return refreshed(c);
    }

    @Transactional
    public Counter close(String counterId, String by) {
        Counter c = lock(counterId);
        events.at(c.branchCode);
        aggregates.handle(CounterSession.streamId(counterId), CounterSession.DECIDER, CounterEvent.class,
                new CounterSession.Command.Close(c.branchCode, by, clock.instant()));
        return refreshed(c);
    }

    /** The counter with who staffs it as its session's projection has it now. */
    private Counter refreshed(Counter c) {
        em.flush();
        em.refresh(c);
        return c;
    }

    /** The ticket called, or empty when nobody is waiting for this counter's service types. */
    @Transactional
    public Optional<TicketView> callNext(String counterId) {
        // one call at a time per counter: its priority run stays exact, and a second call (a double click, a retry
        // without its key, another tab) sees the ticket the first one called and is refused
        Counter counter = lock(counterId);
        events.at(counter.branchCode); // the counter's and so the ticket's: call-next takes only its branch's tickets
        CounterSession.requireReadyToCall(counterId, counter.isOpen(), current(counterId));
        boolean priorityFirst = counter.priorityRun < config.priorityRunCap();
        boolean priority = priorityFirst;
        Optional<UUID> next = nextWaiting(counter, priority);
        if (next.isEmpty()) { // none of the preferred class: the other one
            priority = !priorityFirst;
            next = nextWaiting(counter, priority);
        }
        if (next.isEmpty()) return Optional.empty();
        UUID ticketId = next.get();
        tickets.call(ticketId, counterId);
        counter.priorityRun = priority ? counter.priorityRun + 1 : 0;
        return Optional.of(TicketView.findById(ticketId));
    }

    /** The ticket the counter has called or is serving, if any (at most one: call-next keeps it so). */
    public Optional<CounterSession.CurrentTicket> current(String counterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT CAST(ticket_id AS text), number, state FROM ticket_view
                 WHERE counter_id = ?1 AND state IN ('CALLED', 'SERVING') ORDER BY called_at DESC LIMIT 1""")
                .setParameter(1, counterId).getResultList();
        return rows.stream().findFirst()
                .map(r -> new CounterSession.CurrentTicket(UUID.fromString((String) r[0]), (String) r[1], (String) r[2]));
    }

    private Optional<UUID> nextWaiting(Counter counter, boolean priority) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(NEXT_WAITING)
                .setParameter(1, counter.branchCode)
                .setParameter(2, "{" + String.join(",", counter.serviceTypes) + "}")
                .setParameter(3, priority)
                .getResultList();
        return rows.stream().findFirst().map(UUID::fromString);
    }

    private Counter lock(String counterId) {
        if (counterId.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such counter"); // a NUL would be a 500
        Counter c = em.find(Counter.class, counterId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) throw new NotFound("no counter " + counterId);
        return c;
    }
}
