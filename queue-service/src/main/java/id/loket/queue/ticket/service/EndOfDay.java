package id.loket.queue.ticket.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.branch.domain.ServiceHours;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.EventsOfBranch;
import id.loket.queue.ticket.domain.Ticket;
import id.loket.queue.ticket.domain.TicketEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The branch's end-of-day policy, as events: CLOSE ends every ticket still waiting (or called and not
 * served) with TicketClosedAtEndOfDay; CARRY_OVER moves waiting tickets to the next day, keeping their order.
 * Running it twice does nothing more. It runs by hand, and by itself at the branch's closing time
 * ({@link ClosingTime}). Carried-over tickets go to the branch's next working day: not a holiday, and (for a
 * branch with service hours) a weekday it opens.
 */
@ApplicationScoped
public class EndOfDay {

    public record Result(String branch, String policy, LocalDate businessDate, int tickets) {
    }

    private final BranchSetup branches;
    private final AggregateRepository aggregates;
    private final EventsOfBranch events;
    private final EntityManager em;
    private final Clock clock;

    EndOfDay(BranchSetup branches, AggregateRepository aggregates, EventsOfBranch events, EntityManager em, Clock clock) {
        this.branches = branches;
        this.aggregates = aggregates;
        this.events = events;
        this.em = em;
        this.clock = clock;
    }

    /** By hand (POST /branches/{code}/end-of-day): ends today, in the branch's zone. */
    @Transactional
    public Result run(String code) {
        Branch branch = branches.branch(code);
        Instant now = clock.instant();
        return run(branch, LocalDate.ofInstant(now, branch.zone()), now);
    }

    /**
     * At closing time, by the scheduler: ends the business day of the branch's latest closing time once it has
     * come, unless that day was ended this way already. The marker row and the policy's events commit together:
     * a second replica (or tick) waits on the first one's row and then finds it, and a failed run leaves no row,
     * so the next tick tries again. Started late (after a restart, even the next morning) it still ends the day
     * that closed, and only that day's tickets and older ones (tickets of a day not yet closed stay).
     *
     * @return what was done, or empty when nothing was due
     */
    @Transactional
    public Optional<Result> runAtClosingTime(String code) {
        Branch branch = branches.branch(code);
        Instant now = clock.instant();
        Optional<ServiceHours.Closing> due = branches.calendar(code).lastClosing(now, branch.zone());
        if (due.isEmpty()) return Optional.empty();
        LocalDate day = due.get().businessDate();
        boolean done = !em.createNativeQuery("SELECT 1 FROM scheduled_end_of_day WHERE branch_code = ?1 AND business_date = ?2")
                .setParameter(1, code).setParameter(2, day).getResultList().isEmpty();
        if (done) return Optional.empty();
        int claimed = em.createNativeQuery("""
                INSERT INTO scheduled_end_of_day (branch_code, business_date, ran_at, tickets) VALUES (?1, ?2, ?3, 0)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, code).setParameter(2, day).setParameter(3, now).executeUpdate();
        if (claimed == 0) return Optional.empty(); // another replica ended this day meanwhile
        Result result = run(branch, day, now);
        em.createNativeQuery("UPDATE scheduled_end_of_day SET tickets = ?3 WHERE branch_code = ?1 AND business_date = ?2")
                .setParameter(1, code).setParameter(2, day).setParameter(3, result.tickets()).executeUpdate();
        return Optional.of(result);
    }

    /** Ends the given business day: its tickets and any older ones still in the queue. */
    private Result run(Branch branch, LocalDate businessDate, Instant now) {
        String code = branch.code;
        EndOfDayPolicy policy = EndOfDayPolicy.valueOf(branch.endOfDayPolicy);
        boolean carry = policy == EndOfDayPolicy.CARRY_OVER;
        events.at(code);
        LocalDate nextDay = branches.calendar(code).nextWorkingDay(businessDate); // past holidays and closed weekdays
        // rows locked (waiting for a call-next in progress to finish) so no counter calls them meanwhile
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("""
                SELECT CAST(ticket_id AS text) FROM ticket_view
                 WHERE branch = ?1 AND business_date <= ?2 AND (state = 'WAITING' OR (state = 'CALLED' AND NOT ?3))
                 ORDER BY queued_at FOR UPDATE""")
                .setParameter(1, code).setParameter(2, businessDate).setParameter(3, carry).getResultList();
        for (String id : ids) {
            aggregates.handle(Ticket.streamId(UUID.fromString(id)), Ticket.DECIDER, TicketEvent.class,
                    new Ticket.Command.EndOfDay(policy, businessDate, nextDay, now));
        }
        return new Result(code, branch.endOfDayPolicy, businessDate, ids.size());
    }
}
