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

/** The day's figures of a branch, from the ticket and screening read models. */
@Path("/branches/{code}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final BranchSetup branches;
    private final DayFigures figures;
    private final EntityManager em;
    private final Clock clock;
    private final CurrentActor actor;

    StatsResource(BranchSetup branches, DayFigures figures, EntityManager em, Clock clock, CurrentActor actor) {
        this.branches = branches;
        this.figures = figures;
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
                figures.byServiceType(code, day), figures.byCounter(code, day));
    }

    private static long number(Object o) {
        return ((Number) o).longValue();
    }
}
