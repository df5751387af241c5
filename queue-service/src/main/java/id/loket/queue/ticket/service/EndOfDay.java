package id.loket.queue.ticket.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.queue.branch.Branch;
import id.loket.queue.branch.BranchSetup;
import id.loket.queue.ticket.domain.Ticket;
import id.loket.queue.ticket.domain.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The branch's end-of-day policy, as events: CLOSE ends every ticket still waiting (or called and not
 * served) with TicketClosedAtEndOfDay; CARRY_OVER moves waiting tickets to the next day, keeping their order.
 * Running it twice does nothing more. (Next day = the next calendar day: holiday calendars are not modelled here.)
 */
@ApplicationScoped
public class EndOfDay {

    public record Result(String branch, String policy, LocalDate businessDate, int tickets) {
    }

    private final BranchSetup branches;
    private final AggregateRepository aggregates;
    private final EntityManager em;
    private final Clock clock;

    EndOfDay(BranchSetup branches, AggregateRepository aggregates, EntityManager em, Clock clock) {
        this.branches = branches;
        this.aggregates = aggregates;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public Result run(String code) {
        Branch branch = branches.branch(code);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, branch.zone());
        boolean carry = BranchSetup.EndOfDayPolicy.CARRY_OVER.name().equals(branch.endOfDayPolicy);
        // rows locked (waiting for a call-next in progress to finish) so no counter calls them meanwhile
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("""
                SELECT CAST(ticket_id AS text) FROM ticket_view
                 WHERE branch = ?1 AND business_date <= ?2 AND (state = 'WAITING' OR (state = 'CALLED' AND NOT ?3))
                 ORDER BY queued_at FOR UPDATE""")
                .setParameter(1, code).setParameter(2, today).setParameter(3, carry).getResultList();
        for (String id : ids) {
            aggregates.handle(Ticket.streamId(UUID.fromString(id)), Ticket.DECIDER, TicketEvent.class,
                    new Ticket.Command.EndOfDay(carry, today, today.plusDays(1), now));
        }
        return new Result(code, branch.endOfDayPolicy, today, ids.size());
    }
}
