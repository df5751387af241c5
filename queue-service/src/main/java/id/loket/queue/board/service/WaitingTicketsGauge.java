package id.loket.queue.board.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code loket.queue.tickets.waiting{branch, service_type}} (Prometheus {@code loket_queue_tickets_waiting}) for
 * the ops dashboard: tickets waiting now, from the ticket read model. Refreshed every few seconds by one grouped
 * query on the waiting-tickets index, so a scrape reads cached numbers; every service type of every branch has
 * a value, 0 when nobody waits.
 */
@ApplicationScoped
public class WaitingTicketsGauge {

    public static final String NAME = "loket.queue.tickets.waiting";

    private static final Logger LOG = Logger.getLogger(WaitingTicketsGauge.class);

    private final EntityManager em;
    private final MultiGauge gauge;

    WaitingTicketsGauge(EntityManager em, MeterRegistry registry) {
        this.em = em;
        this.gauge = MultiGauge.builder(NAME)
                .description("Tickets waiting to be called, per branch and service type")
                .register(registry);
    }

    @Scheduled(every = "${loket.queue.metrics-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT t.branch_code, t.code, count(v.ticket_id) FROM service_type t
                      LEFT JOIN ticket_view v ON v.branch = t.branch_code AND v.service_type = t.code AND v.state = 'WAITING'
                     GROUP BY t.branch_code, t.code""").getResultList();
            List<MultiGauge.Row<?>> values = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                values.add(MultiGauge.Row.of(Tags.of("branch", (String) r[0], "service_type", (String) r[1]),
                        ((Number) r[2]).longValue()));
            }
            gauge.register(values, true);
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh %s (keeping the last values): %s", NAME, e.toString());
        }
    }
}
