package id.loket.queue.board.service;

import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.ServiceType;
import id.loket.queue.ticket.projection.QueueNow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the board from the ticket read model. */
@ApplicationScoped
public class BoardService {

    private final BranchSetup branches;
    private final EntityManager em;
    private final Clock clock;

    BoardService(BranchSetup branches, EntityManager em, Clock clock) {
        this.branches = branches;
        this.em = em;
        this.clock = clock;
    }

    /** For callers outside a request (the SSE broadcaster). */
    @ActivateRequestContext
    public Board snapshot(String code) {
        return board(code);
    }

    public Board board(String code) {
        Branch branch = branches.branch(code);
        LocalDate today = LocalDate.ofInstant(clock.instant(), branch.zone());
        List<Counter> counters = Counter.ofBranch(code);
        List<Board.CounterNow> now = new ArrayList<>();
        for (Counter c : counters) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT number, service_type, state, called_at FROM ticket_view
                     WHERE counter_id = ?1 AND state IN ('CALLED', 'SERVING') ORDER BY called_at DESC LIMIT 1""")
                    .setParameter(1, c.id).getResultList();
            Object[] r = rows.isEmpty() ? null : rows.getFirst();
            now.add(new Board.CounterNow(c.id, c.name, c.isOpen(), r == null ? null : (String) r[0],
                    r == null ? null : (String) r[1], r == null ? null : (String) r[2], r == null ? null : QueueNow.instant(r[3])));
        }
        List<Board.Waiting> waiting = new ArrayList<>();
        for (ServiceType t : ServiceType.ofBranch(code)) {
            String type = t.key.code();
            @SuppressWarnings("unchecked")
            List<String> numbers = em.createNativeQuery("""
                    SELECT number FROM ticket_view WHERE branch = ?1 AND service_type = ?2 AND state = 'WAITING'
                     ORDER BY CASE WHEN priority <> 'NONE' THEN 0 ELSE 1 END, queued_at, ticket_id""")
                    .setParameter(1, code).setParameter(2, type).getResultList();
            Number meanService = (Number) em.createNativeQuery("""
                    SELECT avg(extract(epoch FROM closed_at - started_at)) FROM ticket_view
                     WHERE branch = ?1 AND service_type = ?2 AND business_date = ?3 AND state = 'CLOSED'""")
                    .setParameter(1, code).setParameter(2, type).setParameter(3, today).getSingleResult();
            long serving = counters.stream().filter(c -> c.isOpen() && c.serviceTypes.contains(type)).count();
            Long estimate = meanService == null ? null
                    : Math.round(numbers.size() * meanService.doubleValue() / Math.max(1, serving));
            waiting.add(new Board.Waiting(type, t.name, numbers.size(), numbers.stream().limit(5).toList(), estimate,
                    t.waitTargetMinutes));
        }
        return new Board(code, today, now, waiting);
    }
}
