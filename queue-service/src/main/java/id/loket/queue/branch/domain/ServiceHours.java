package id.loket.queue.branch.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A branch's service hours, as data: per weekday one opening and one closing time in the branch's own zone
 * (e.g. Monday–Friday 08:00–15:00); a weekday without hours is closed. No hours at all means open at any time
 * (a branch that has not set them, e.g. the demo branch). Open from {@code opens} up to, not including,
 * {@code closes}. Plain Java: every answer is a function of the hours, the zone and the instant asked about.
 */
public record ServiceHours(Map<DayOfWeek, Hours> days) {

    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            if (!opens.isBefore(closes)) throw new IllegalArgumentException("closes must be after opens");
        }
    }

    /** A closing time that has come: the business day it ends and the instant it came. */
    public record Closing(LocalDate businessDate, Instant at) {
    }

    public static final ServiceHours ALWAYS_OPEN = new ServiceHours(Map.of());

    public ServiceHours {
        EnumMap<DayOfWeek, Hours> copy = new EnumMap<>(DayOfWeek.class);
        copy.putAll(days);
        days = Collections.unmodifiableMap(copy);
    }

    public boolean alwaysOpen() {
        return days.isEmpty();
    }

    public boolean isOpen(Instant now, ZoneId zone) {
        if (alwaysOpen()) return true;
        ZonedDateTime local = now.atZone(zone);
        Hours h = days.get(local.getDayOfWeek());
        LocalTime t = local.toLocalTime();
        return h != null && !t.isBefore(h.opens()) && t.isBefore(h.closes());
    }

    /** Tickets are taken only while the branch is open: otherwise {@link BranchClosed}, with the next opening. */
    public void requireOpen(String branch, Instant now, ZoneId zone) {
        if (isOpen(now, zone)) return;
        throw new BranchClosed(branch, this, null, now.atZone(zone), nextOpening(now, zone).orElseThrow());
    }

    /** The next time the branch opens after {@code now} (empty when it never closes). */
    public Optional<ZonedDateTime> nextOpening(Instant now, ZoneId zone) {
        if (alwaysOpen()) return Optional.empty();
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate d = today.plusDays(i);
            Hours h = days.get(d.getDayOfWeek());
            if (h == null) continue;
            ZonedDateTime opens = d.atTime(h.opens()).atZone(zone);
            if (opens.toInstant().isAfter(now)) return Optional.of(opens);
        }
        return Optional.empty(); // not reached: some weekday has hours
    }

    /**
     * The latest closing time at or before {@code now} (today's once it has passed, else the last open day's),
     * whose end-of-day is due; empty for a branch without hours.
     */
    public Optional<Closing> lastClosing(Instant now, ZoneId zone) {
        if (alwaysOpen()) return Optional.empty();
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int i = 0; i <= 7; i++) {
            LocalDate d = today.minusDays(i);
            Hours h = days.get(d.getDayOfWeek());
            if (h == null) continue;
            Instant closes = d.atTime(h.closes()).atZone(zone).toInstant();
            if (!closes.isAfter(now)) return Optional.of(new Closing(d, closes));
        }
        return Optional.empty();
    }

    /** Whether a slot starting at {@code start} local time on {@code date} lies within the day's hours. */
    public boolean covers(LocalDate date, LocalTime start) {
        if (alwaysOpen()) return true;
        Hours h = days.get(date.getDayOfWeek());
        return h != null && !start.isBefore(h.opens()) && start.isBefore(h.closes());
    }

    /** E.g. "MONDAY–FRIDAY 08:00–15:00, SATURDAY 08:00–12:00" (consecutive days with the same hours together). */
    public String describe() {
        if (alwaysOpen()) return "open at any time";
        List<String> parts = new ArrayList<>();
        DayOfWeek first = null, last = null;
        Hours run = null;
        for (DayOfWeek d : DayOfWeek.values()) {
            Hours h = days.get(d);
            if (h != null && h.equals(run)) {
                last = d;
                continue;
            }
            if (run != null) parts.add(span(first, last, run));
            run = h;
            first = d;
            last = d;
        }
        if (run != null) parts.add(span(first, last, run));
        return String.join(", ", parts);
    }

    private static String span(DayOfWeek first, DayOfWeek last, Hours h) {
        return (first == last ? first.name() : first.name() + "–" + last.name()) + " " + h.opens() + "–" + h.closes();
    }
}
