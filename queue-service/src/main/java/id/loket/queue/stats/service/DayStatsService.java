package id.loket.queue.stats.service;

import id.loket.platform.domain.InvalidField;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The day's figures of a branch, from the ticket and screening read models. */
@ApplicationScoped
public class DayStatsService {

    private final BranchSetup branches;
    private final DayFigures figures;
    private final EntityManager em;
    private final Clock clock;

    DayStatsService(BranchSetup branches, DayFigures figures, EntityManager em, Clock clock) {
        this.branches = branches;
        this.figures = figures;
        this.em = em;
        this.clock = clock;
    }

    /** date (YYYY-MM-DD) null: today in the branch's zone; an unknown branch is a 404 before a bad date is a 400. */
    public DayStats stats(String code, String date) {
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
