package id.loket.queue.branch.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service-hours rules as plain functions (no Quarkus): 2031-03-03 is a Monday; WIT is UTC+9. */
class ServiceHoursRulesTest {

    static final ZoneId WIT = ZoneId.of("Asia/Jayapura");
    static final ServiceHours WEEKDAYS_AND_SATURDAY_MORNING = hours();

    static ServiceHours hours() {
        Map<DayOfWeek, ServiceHours.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            week.put(d, new ServiceHours.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0)));
        }
        week.put(DayOfWeek.SATURDAY, new ServiceHours.Hours(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        return new ServiceHours(week);
    }

    @Test
    void openFromOpeningUpToNotIncludingClosing() {
        ServiceHours h = WEEKDAYS_AND_SATURDAY_MORNING;
        assertThat(h.isOpen(Instant.parse("2031-03-02T22:59:59Z"), WIT)).isFalse(); // Monday 07:59:59 WIT
        assertThat(h.isOpen(Instant.parse("2031-03-02T23:00:00Z"), WIT)).isTrue();
        assertThat(h.isOpen(Instant.parse("2031-03-03T05:59:59Z"), WIT)).isTrue();
        assertThat(h.isOpen(Instant.parse("2031-03-03T06:00:00Z"), WIT)).isFalse(); // 15:00 WIT
        assertThat(h.isOpen(Instant.parse("2031-03-09T01:00:00Z"), WIT)).isFalse(); // Sunday 10:00 WIT
        assertThat(ServiceHours.ALWAYS_OPEN.isOpen(Instant.parse("2031-03-09T01:00:00Z"), WIT)).isTrue();
    }

    @Test
    void nextOpeningSkipsClosedDays() {
        ServiceHours h = WEEKDAYS_AND_SATURDAY_MORNING;
        assertThat(h.nextOpening(Instant.parse("2031-03-08T03:00:00Z"), WIT)).get() // Saturday 12:00 WIT
                .hasToString("2031-03-10T08:00+09:00[Asia/Jayapura]");
        assertThatThrownBy(() -> h.requireOpen("JYP", Instant.parse("2031-03-08T03:00:00Z"), WIT))
                .isInstanceOf(BranchClosed.class)
                .hasMessageContaining("it opens next on MONDAY 2031-03-10 at 08:00");
        assertThat(ServiceHours.ALWAYS_OPEN.nextOpening(Instant.parse("2031-03-08T03:00:00Z"), WIT)).isEmpty();
    }

    @Test
    void theLatestClosingIsTodaysOnceItHasComeElseTheLastOpenDays() {
        ServiceHours h = WEEKDAYS_AND_SATURDAY_MORNING;
        assertThat(h.lastClosing(Instant.parse("2031-03-03T05:59:59Z"), WIT)).get() // Monday 14:59:59: Saturday's
                .extracting(ServiceHours.Closing::businessDate).isEqualTo(LocalDate.parse("2031-03-01"));
        assertThat(h.lastClosing(Instant.parse("2031-03-03T06:00:00Z"), WIT)).get()
                .isEqualTo(new ServiceHours.Closing(LocalDate.parse("2031-03-03"), Instant.parse("2031-03-03T06:00:00Z")));
        assertThat(h.lastClosing(Instant.parse("2031-03-09T01:00:00Z"), WIT)).get() // Sunday: Saturday noon
                .extracting(ServiceHours.Closing::at).isEqualTo(Instant.parse("2031-03-08T03:00:00Z"));
        assertThat(ServiceHours.ALWAYS_OPEN.lastClosing(Instant.parse("2031-03-09T01:00:00Z"), WIT)).isEmpty();
    }

    @Test
    void slotsAndDescription() {
        ServiceHours h = WEEKDAYS_AND_SATURDAY_MORNING;
        assertThat(h.covers(LocalDate.parse("2031-03-08"), LocalTime.of(11, 30))).isTrue();
        assertThat(h.covers(LocalDate.parse("2031-03-08"), LocalTime.of(12, 0))).isFalse();
        assertThat(h.covers(LocalDate.parse("2031-03-09"), LocalTime.of(9, 0))).isFalse();
        assertThat(h.describe()).isEqualTo("MONDAY–FRIDAY 08:00–15:00, SATURDAY 08:00–12:00");
    }
}
