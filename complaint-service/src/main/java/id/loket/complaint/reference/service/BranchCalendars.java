package id.loket.complaint.reference.service;

import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.platform.domain.InvalidField;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Date;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a branch's zone, service hours and holidays (reference data) into a {@link WorkingCalendar}. */
@ApplicationScoped
public class BranchCalendars {

    public Optional<WorkingCalendar> find(String branch) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<String> zones = em.createNativeQuery("SELECT zone_id FROM branch WHERE code = ?1")
                .setParameter(1, branch).getResultList();
        if (zones.isEmpty()) return Optional.empty();
        Map<DayOfWeek, WorkingCalendar.Hours> hours = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT day_of_week, opens_at, closes_at FROM branch_service_hours WHERE branch_code = ?1")
                .setParameter(1, branch).getResultList();
        for (Object[] r : rows) {
            hours.put(DayOfWeek.of(((Number) r[0]).intValue()),
                    new WorkingCalendar.Hours(toTime(r[1]), toTime(r[2])));
        }
        Set<LocalDate> holidays = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<Object> days = em.createNativeQuery("SELECT holiday_date FROM branch_holiday WHERE branch_code = ?1")
                .setParameter(1, branch).getResultList();
        for (Object d : days) holidays.add(d instanceof Date sql ? sql.toLocalDate() : (LocalDate) d);
        return Optional.of(new WorkingCalendar(ZoneId.of(zones.getFirst()), hours, holidays));
    }

    /** The branch's calendar, or a 400 naming {@code field} for a branch that is not in the reference data. */
    public WorkingCalendar of(String branch, String field) {
        return find(branch).orElseThrow(() -> new InvalidField(field, "unknown branch " + branch));
    }

    private static java.time.LocalTime toTime(Object o) {
        return o instanceof Time t ? t.toLocalTime() : (java.time.LocalTime) o;
    }
}
