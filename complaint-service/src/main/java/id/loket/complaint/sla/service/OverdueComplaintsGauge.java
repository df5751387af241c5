package id.loket.complaint.sla.service;

import id.loket.complaint.complaint.service.ComplaintService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code loket.complaint.overdue{branch}} (Prometheus {@code loket_complaint_overdue}): complaints with a running
 * deadline that has passed, by the same rule as {@code GET /complaints?overdue=true} and the SLA monitor. Every
 * branch of the reference data has a row, 0 when nothing is overdue, so a dashboard shows a branch that is fine.
 * Read from the projection every few seconds (one grouped query), never on the scrape's thread.
 */
@Startup
@ApplicationScoped
public class OverdueComplaintsGauge {

    private static final Logger LOG = Logger.getLogger(OverdueComplaintsGauge.class);

    private final Clock clock;
    private final MultiGauge gauge;
    private volatile Map<String, Long> overdue = Map.of();

    OverdueComplaintsGauge(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.gauge = MultiGauge.builder("loket.complaint.overdue")
                .description("open complaints whose first-response or resolution due time has passed")
                .register(registry);
    }

    // the scheduler reads the interval itself; ComplaintConfig.OverdueGauge documents it
    @Scheduled(every = "${complaint.overdue-gauge.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // the gauge keeps its last values; the next run tries again
            LOG.debugf("overdue gauge not refreshed: %s", e.toString());
        }
    }

    /** Reads the counts per branch and publishes them; also called by tests. */
    @ActivateRequestContext
    public Map<String, Long> refresh() {
        Map<String, Long> counts = QuarkusTransaction.requiringNew().call(this::read);
        boolean sameBranches = counts.keySet().equals(overdue.keySet());
        overdue = counts;
        if (!sameBranches) {
            gauge.register(counts.keySet().stream()
                    .map(branch -> MultiGauge.Row.of(Tags.of("branch", branch), this, g -> g.overdue.getOrDefault(branch, 0L)))
                    .toList(), false);
        }
        return counts;
    }

    private Map<String, Long> read() {
        var em = Panache.getEntityManager();
        Map<String, Long> counts = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<String> branches = em.createNativeQuery("SELECT code FROM branch").getResultList();
        for (String b : branches) counts.put(b, 0L);
        List<Object[]> rows = em.createQuery("SELECT branch, count(*) FROM ComplaintView WHERE "
                        + ComplaintService.OVERDUE + " GROUP BY branch", Object[].class)
                .setParameter("now", clock.instant())
                .getResultList();
        for (Object[] r : rows) counts.put((String) r[0], ((Number) r[1]).longValue());
        return counts;
    }
}
