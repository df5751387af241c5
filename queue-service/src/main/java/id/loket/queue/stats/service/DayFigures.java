package id.loket.queue.stats.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;

/** Wait and service times of a branch's day, per service type or per counter (the day's stats and the floor). */
@ApplicationScoped
public class DayFigures {

    // within target: the visit's wait against its own service type's target (a counter serves several types)
    private static final String TIMES = """
            SELECT %1$s, count(*), avg(w), percentile_cont(0.9) WITHIN GROUP (ORDER BY w),
                   avg(s), percentile_cont(0.9) WITHIN GROUP (ORDER BY s),
                   CAST(count(*) FILTER (WHERE w <= target * 60) AS float8) / count(*), min(target),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY s)
              FROM (SELECT v.service_type, v.counter_id, t.wait_target_minutes AS target,
                           extract(epoch FROM v.called_at - v.issued_at) AS w,
                           extract(epoch FROM v.closed_at - v.started_at) AS s
                      FROM ticket_view v JOIN service_type t ON t.branch_code = v.branch AND t.code = v.service_type
                     WHERE v.branch = ?1 AND v.business_date = ?2 AND v.state = 'CLOSED') x
             GROUP BY %1$s ORDER BY %1$s""";

    private final EntityManager em;

    DayFigures(EntityManager em) {
        this.em = em;
    }

    /** The visits closed that business day, per service type (with its target). */
    public List<DayStats.Times> byServiceType(String branch, LocalDate day) {
        return times("service_type", branch, day);
    }

    public List<DayStats.Times> byCounter(String branch, LocalDate day) {
        return times("counter_id", branch, day);
    }

    private List<DayStats.Times> times(String column, String code, LocalDate day) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TIMES.formatted(column))
                .setParameter(1, code).setParameter(2, day).getResultList();
        boolean byType = column.equals("service_type");
        return rows.stream().map(r -> new DayStats.Times((String) r[0], ((Number) r[1]).longValue(), decimal(r[2]),
                decimal(r[3]), decimal(r[4]), decimal(r[5]), decimal(r[8]),
                byType ? (Integer) ((Number) r[7]).intValue() : null, decimal(r[6]))).toList();
    }

    private static Double decimal(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
