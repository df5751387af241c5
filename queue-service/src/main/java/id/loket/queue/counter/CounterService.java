package id.loket.queue.counter;

import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.branch.Counter;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.ticket.projection.TicketView;
import id.loket.queue.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opening and closing counters, and calling the next ticket. */
@ApplicationScoped
public class CounterService {

    // The database decides who gets a ticket: the first WAITING row this transaction can lock, skipping rows
    // another counter (on any replica) is calling right now. Priority first unless this counter has reached
    // the cap of priority calls in a row, then the oldest by original issue time (an appointment's by its
    // slot start).
    private static final String NEXT_WAITING = """
            SELECT CAST(ticket_id AS text), priority FROM ticket_view
             WHERE branch = ?1 AND state = 'WAITING' AND service_type = ANY(CAST(?2 AS text[]))
             ORDER BY CASE WHEN (priority <> 'NONE') = ?3 THEN 0 ELSE 1 END, queued_at, ticket_id
             LIMIT 1
             FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;
    private final TicketService tickets;
    private final QueueConfig config;

    CounterService(EntityManager em, TicketService tickets, QueueConfig config) {
        this.em = em;
        this.tickets = tickets;
        this.config = config;
    }

    @Transactional
    public Counter open(String counterId, String staff) {
        Counter c = lock(counterId);
        if (c.isOpen()) throw new RuleViolation("counter " + counterId + " is OPEN (staffed by " + c.staffedBy + ")");
        c.staffedBy = staff;
        c.priorityRun = 0;
        return c;
    }

    @Transactional
    public Counter close(String counterId) {
        Counter c = lock(counterId);
        if (!c.isOpen()) throw new RuleViolation("counter " + counterId + " is CLOSED");
        c.staffedBy = null;
        return c;
    }

    /** The ticket called, or empty when nobody is waiting for this counter's service types. */
    @Transactional
    public Optional<TicketView> callNext(String counterId) {
        Counter counter = lock(counterId); // one call at a time per counter: its priority run stays exact
        if (!counter.isOpen()) throw new RuleViolation("counter " + counterId + " is CLOSED; open it before calling");
        boolean priorityFirst = counter.priorityRun < config.priorityRunCap();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(NEXT_WAITING)
                .setParameter(1, counter.branchCode)
                .setParameter(2, "{" + String.join(",", counter.serviceTypes) + "}")
                .setParameter(3, priorityFirst)
                .getResultList();
        if (rows.isEmpty()) return Optional.empty();
        UUID ticketId = UUID.fromString((String) rows.getFirst()[0]);
        boolean priority = !"NONE".equals(rows.getFirst()[1]);
        tickets.call(ticketId, counterId);
        counter.priorityRun = priority ? counter.priorityRun + 1 : 0;
        return Optional.of(TicketView.findById(ticketId));
    }

    private Counter lock(String counterId) {
        if (counterId.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such counter"); // a NUL would be a 500
        Counter c = em.find(Counter.class, counterId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) throw new NotFound("no counter " + counterId);
        return c;
    }
}
