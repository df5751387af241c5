package id.loket.queue.branch.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A branch's working-day calendar: its weekly service hours and the days it is closed whatever the hours say
 * (holidays). Plain Java like {@link ServiceHours}: every answer is a function of the data, the zone and the
 * instant asked about. A branch without hours is open at any time except on its holidays.
 */
public record BranchCalendar(ServiceHours hours, NavigableMap<LocalDate, ClosedDay> closedDays) {

    /** Far enough to pass any run of holidays (a year) plus a week. */
    private static final int HORIZON_DAYS = 373;

    public BranchCalendar {
        closedDays = Collections.unmodifiableNavigableMap(new TreeMap<>(closedDays));
    }

    public static BranchCalendar of(ServiceHours hours, Iterable<ClosedDay> holidays) {
        TreeMap<LocalDate, ClosedDay> days = new TreeMap<>();
        for (ClosedDay d : holidays) days.put(d.date(), d);
        return new BranchCalendar(hours, days);
    }

    public Optional<ClosedDay> holiday(LocalDate date) {
        return Optional.ofNullable(closedDays.get(date));
    }

    /** A day the branch works: not a holiday, and (if it has hours) a weekday with hours. */
    public boolean isWorkingDay(LocalDate date) {
        return !closedDays.containsKey(date) && (hours.alwaysOpen() || hours.days().containsKey(date.getDayOfWeek()));
    }

    public boolean isOpen(Instant now, ZoneId zone) {
        return !closedDays.containsKey(now.atZone(zone).toLocalDate()) && hours.isOpen(now, zone);
    }

    /** Tickets are taken only while the branch is open: otherwise {@link BranchClosed}, naming the holiday if it is one. */
    public void requireOpen(String branch, Instant now, ZoneId zone) {
        if (isOpen(now, zone)) return;
        ZonedDateTime local = now.atZone(zone);
        throw new BranchClosed(branch, hours, closedDays.get(local.toLocalDate()), local, nextOpening(now, zone).orElseThrow());
    }

    /** The next time the branch opens after {@code now}, passing over holidays (empty when it is open now and never closes). */
    public Optional<ZonedDateTime> nextOpening(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (hours.alwaysOpen()) {
            if (!closedDays.containsKey(today)) return Optional.empty();
            LocalDate d = today.plusDays(1);
            while (closedDays.containsKey(d)) d = d.plusDays(1);
            return Optional.of(d.atStartOfDay(zone));
        }
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate d = today.plusDays(i);
            ServiceHours.Hours h = hours.days().get(d.getDayOfWeek());
            if (h == null || closedDays.containsKey(d)) continue;
            ZonedDateTime opens = d.atTime(h.opens()).atZone(zone);
            if (opens.toInstant().isAfter(now)) return Optional.of(opens);
        }
        return Optional.empty(); // not reached: some weekday has hours, and not every day of a year is a holiday
    }

    /**
     * The latest closing time at or before {@code now} of a day the branch was open (a holiday has no closing
     * time, so no end of day of its own); empty for a branch without hours.
     */
    public Optional<ServiceHours.Closing> lastClosing(Instant now, ZoneId zone) {
        if (hours.alwaysOpen()) return Optional.empty();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            LocalDate d = today.minusDays(i);
            ServiceHours.Hours h = hours.days().get(d.getDayOfWeek());
            if (h == null || closedDays.containsKey(d)) continue;
            Instant closes = d.atTime(h.closes()).atZone(zone).toInstant();
            if (!closes.isAfter(now)) return Optional.of(new ServiceHours.Closing(d, closes));
        }
        return Optional.empty();
    }

    /** Whether a slot starting at {@code start} on {@code date} lies within the day's hours on a day that is not a holiday. */
    public boolean covers(LocalDate date, LocalTime start) {
        return !closedDays.containsKey(date) && hours.covers(date, start);
    }

    /** The next working day after {@code date}: where tickets carried over at the end of day go. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        for (int i = 0; i < HORIZON_DAYS && !isWorkingDay(d); i++) d = d.plusDays(1);
        return d;
    }

    /** Unmodifiable view; for {@link Map} callers. */
    public Map<LocalDate, ClosedDay> holidays() {
        return closedDays;
    }
}
