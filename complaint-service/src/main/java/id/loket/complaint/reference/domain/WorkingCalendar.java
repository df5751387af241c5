package id.loket.complaint.reference.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A branch's working time: its zone, its service hours per weekday and the days it is closed. Pure Java, so
 * the complaint rules can be tested without a server.
 *
 * <p>Conventions (DOMAIN.md, complaint service levels):
 * <ul>
 * <li>A complaint is <em>taken in</em> on its business date when it arrives on a working day before closing
 * time, else on the next working day (the branch cannot act on it earlier).</li>
 * <li>"Within N working days" ends at the close of service hours on the Nth working day after that day.</li>
 * <li>Clocks counted in minutes (a red complaint's 30-minute first response) run only within service hours.</li>
 * </ul>
 */
public final class WorkingCalendar {

    /** Guards every walk over days: a calendar without a single open day would otherwise never end. */
    private static final int MAX_DAYS = 3660;

    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!closes.isAfter(opens)) throw new IllegalArgumentException("closing time must be after opening time");
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> hours;
    private final Set<LocalDate> holidays;

    public WorkingCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Map.copyOf(hours);
        this.holidays = Set.copyOf(holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate businessDate(Instant t) {
        return t.atZone(zone).toLocalDate();
    }

    public boolean isWorkingDay(LocalDate date) {
        return hours.containsKey(date.getDayOfWeek()) && !holidays.contains(date);
    }

    public Optional<Hours> hoursOn(LocalDate date) {
        return isWorkingDay(date) ? Optional.of(hours.get(date.getDayOfWeek())) : Optional.empty();
    }

    /** Open at t: a working day, at or after opening and before closing. */
    public boolean isWithinServiceHours(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        return hoursOn(local.toLocalDate())
                .map(h -> !local.toLocalTime().isBefore(h.opens()) && local.toLocalTime().isBefore(h.closes()))
                .orElse(false);
    }

    /** The first working day strictly after the given date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < MAX_DAYS; i++) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) return d;
        }
        throw new IllegalStateException("no working day within " + MAX_DAYS + " days after " + date);
    }

    /** The working day a thing arriving at t is taken in on. */
    public LocalDate receiptDay(Instant t) {
        ZonedDateTime local = t.atZone(zone);
        LocalDate date = local.toLocalDate();
        Optional<Hours> h = hoursOn(date);
        if (h.isPresent() && local.toLocalTime().isBefore(h.get().closes())) return date;
        return nextWorkingDay(date);
    }

    /** Close of service hours on the Nth working day after the day t is taken in on. */
    public Instant endOfWorkingDays(Instant t, int n) {
        if (n < 1) throw new IllegalArgumentException("working days must be at least 1");
        LocalDate d = receiptDay(t);
        for (int i = 0; i < n; i++) d = nextWorkingDay(d);
        return closingOf(d);
    }

    public Instant closingOf(LocalDate workingDay) {
        Hours h = hoursOn(workingDay).orElseThrow(() -> new IllegalArgumentException(workingDay + " is not a working day"));
        return workingDay.atTime(h.closes()).atZone(zone).toInstant();
    }

    /**
     * The instant when {@code amount} of service-hours time has run from {@code start}; time outside service
     * hours does not count. An amount that ends exactly at closing time ends at closing time.
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) throw new IllegalArgumentException("working time must not be negative");
        if (amount.isZero()) return start;
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        Instant cursor = start;
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            Optional<Hours> h = hoursOn(day);
            if (h.isEmpty()) continue;
            Instant open = day.atTime(h.get().opens()).atZone(zone).toInstant();
            Instant close = day.atTime(h.get().closes()).atZone(zone).toInstant();
            Instant from = cursor.isAfter(open) ? cursor : open;
            if (!from.isBefore(close)) continue;
            Duration available = Duration.between(from, close);
            if (remaining.compareTo(available) <= 0) return from.plus(remaining);
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("no service hours within " + MAX_DAYS + " days after " + start);
    }

    /** Service-hours time between two instants (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) return Duration.ZERO;
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<Hours> h = hoursOn(day);
            if (h.isEmpty()) continue;
            Instant open = day.atTime(h.get().opens()).atZone(zone).toInstant();
            Instant close = day.atTime(h.get().closes()).atZone(zone).toInstant();
            Instant a = from.isAfter(open) ? from : open;
            Instant b = to.isBefore(close) ? to : close;
            if (b.isAfter(a)) total = total.plus(Duration.between(a, b));
        }
        return total;
    }
}
