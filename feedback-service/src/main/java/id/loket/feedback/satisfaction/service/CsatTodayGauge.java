package id.loket.feedback.satisfaction.service;

import id.loket.feedback.survey.projection.BranchToday;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code loket.feedback.csat.today{branch}} (Prometheus {@code loket_feedback_csat_today}) for the ops dashboard:
 * the percent of today's answers rated 4–5, "today" in each branch's own zone. Refreshed from the survey read
 * model every few seconds (one grouped query), so a scrape reads cached numbers and costs nothing; a branch
 * with no answer yet today has no value (CSAT of nothing is undefined, not 0).
 */
@ApplicationScoped
public class CsatTodayGauge {

    public static final String NAME = "loket.feedback.csat.today";

    private static final Logger LOG = Logger.getLogger(CsatTodayGauge.class);

    private final EntityManager em;
    private final Clock clock;
    private final MultiGauge gauge;

    CsatTodayGauge(EntityManager em, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.gauge = MultiGauge.builder(NAME)
                .description("Share of today's survey answers rated 4 or 5, in percent, per branch (today in the branch's zone)")
                // no baseUnit: Prometheus would append it to the name the dashboard is written against
                .register(registry);
    }

    private record Day(long answered, long satisfied) {
        Day plus(long a, long s) {
            return new Day(answered + a, satisfied + s);
        }
    }

    // the scheduler reads the interval itself; FeedbackConfig.metricsRefresh documents it
    @Scheduled(every = "${loket.feedback.metrics-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Instant now = clock.instant();
            // a lower bound for the query; the exact day per zone is checked below
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT branch, zone_id, submitted_date, count(*), count(*) FILTER (WHERE rating >= 4)
                      FROM survey_view WHERE submitted_date >= ?1
                     GROUP BY branch, zone_id, submitted_date""")
                    .setParameter(1, BranchToday.earliest(now))
                    .getResultList();
            Map<String, Day> today = new TreeMap<>();
            for (Object[] r : rows) {
                LocalDate day = r[2] instanceof Date d ? d.toLocalDate() : (LocalDate) r[2];
                if (!BranchToday.isToday(day, (String) r[1], now)) continue;
                today.merge((String) r[0], new Day(((Number) r[3]).longValue(), ((Number) r[4]).longValue()),
                        (a, b) -> a.plus(b.answered, b.satisfied));
            }
            List<MultiGauge.Row<?>> values = new ArrayList<>();
            today.forEach((branch, d) -> values.add(MultiGauge.Row.of(Tags.of("branch", branch),
                    100.0 * d.satisfied / d.answered)));
            gauge.register(values, true);
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh %s (keeping the last values): %s", NAME, e.toString());
        }
    }
}
