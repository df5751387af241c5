package id.loket.queue.stats;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import id.loket.queue.branch.Branch;
import id.loket.queue.branch.BranchSetup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The day's figures of a branch, from the ticket and screening read models. */
@Path("/branches/{code}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    // within target: the visit's wait against its own service type's target (a counter serves several types)
    private static final String TIMES = """
            SELECT %1$s, count(*), avg(w), percentile_cont(0.9) WITHIN GROUP (ORDER BY w),
                   avg(s), percentile_cont(0.9) WITHIN GROUP (ORDER BY s),
                   CAST(count(*) FILTER (WHERE w <= target * 60) AS float8) / count(*), min(target)
              FROM (SELECT v.service_type, v.counter_id, t.wait_target_minutes AS target,
                           extract(epoch FROM v.called_at - v.issued_at) AS w,
                           extract(epoch FROM v.closed_at - v.started_at) AS s
                      FROM ticket_view v JOIN service_type t ON t.branch_code = v.branch AND t.code = v.service_type
                     WHERE v.branch = ?1 AND v.business_date = ?2 AND v.state = 'CLOSED') x
             GROUP BY %1$s ORDER BY %1$s""";

    private final BranchSetup branches;
    private final EntityManager em;
    private final Clock clock;
    private final CurrentActor actor;

    StatsResource(BranchSetup branches, EntityManager em, Clock clock, CurrentActor actor) {
        this.branches = branches;
        this.em = em;
        this.clock = clock;
        this.actor = actor;
    }

    /** {@code date} defaults to today in the branch's zone. */
    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
    public DayStats stats(@PathParam("code") String code, @QueryParam("date") String date) {
        actor.requireBranch(code);
        Branch branch = branches.branch(code);
        LocalDate day;
        try {
            day = date != null ? LocalDate.parse(date) : LocalDate.ofInstant(clock.instant(), branch.zone());
        } catch (DateTimeParseException e) {
            throw new InvalidField("date", "must be a date, YYYY-MM-DD");
        }
        Object[] s = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE outcome <> 'TICKET') FROM screening_view
                 WHERE branch = ?1 AND business_date = ?2""")
                .setParameter(1, code).setParameter(2, day).getSingleResult();
        Object[] t = (Object[]) em.createNativeQuery("""
                SELECT count(*) FILTER (WHERE state = 'CLOSED'), count(*) FILTER (WHERE state = 'NO_SHOW'),
                       count(*) FILTER (WHERE state = 'END_OF_DAY')
                  FROM ticket_view WHERE branch = ?1 AND business_date = ?2""")
                .setParameter(1, code).setParameter(2, day).getSingleResult();
        long screenings = number(s[0]);
        long away = number(s[1]);
        long visits = number(t[0]);
        long noShows = number(t[1]);
        return new DayStats(code, day, screenings, away, screenings == 0 ? null : (double) away / screenings,
                visits, noShows, visits + noShows == 0 ? null : (double) noShows / (visits + noShows), number(t[2]),
                times("service_type", code, day), times("counter_id", code, day));
    }

    private List<DayStats.Times> times(String column, String code, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TIMES.formatted(column))
                .setParameter(1, code).setParameter(2, day).getResultList();
        boolean byType = column.equals("service_type");
        return rows.stream().map(r -> new DayStats.Times((String) r[0], number(r[1]), decimal(r[2]), decimal(r[3]),
                decimal(r[4]), decimal(r[5]), byType ? (Integer) ((Number) r[7]).intValue() : null, decimal(r[6]))).toList();
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }

    private static Double decimal(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
