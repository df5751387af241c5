package id.loket.complaint.reference.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sidoarjo's calendar: Asia/Jakarta, Monday–Friday 08:00–15:00, a few of the 2026 holidays. */
class WorkingCalendarTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final WorkingCalendar SDA = sda();

    static WorkingCalendar sda() {
        Map<DayOfWeek, WorkingCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : new DayOfWeek[]{DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            hours.put(d, new WorkingCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0)));
        }
        return new WorkingCalendar(WIB, hours, Set.of(LocalDate.parse("2026-08-17"), LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-25")));
    }

    static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    @Test
    void oneWorkingDayFromFridaySkipsTheWeekend() {
        assertThat(SDA.endOfWorkingDays(wib("2026-12-04T10:00"), 1)).isEqualTo(wib("2026-12-07T15:00"));
        assertThat(SDA.endOfWorkingDays(wib("2026-12-04T10:00"), 5)).isEqualTo(wib("2026-12-11T15:00"));
    }

    @Test
    void tenWorkingDaysSkipTwoWeekends() {
        assertThat(SDA.endOfWorkingDays(wib("2026-11-30T09:00"), 10)).isEqualTo(wib("2026-12-14T15:00"));
    }

    @Test
    void aHolidayIsSkipped() {
        // Friday before Independence Day (Monday 17 August): due on Tuesday
        assertThat(SDA.endOfWorkingDays(wib("2026-08-14T10:00"), 1)).isEqualTo(wib("2026-08-18T15:00"));
        // Christmas: cuti bersama Thursday 24, Christmas Friday 25, then the weekend
        assertThat(SDA.endOfWorkingDays(wib("2026-12-23T10:00"), 1)).isEqualTo(wib("2026-12-28T15:00"));
        assertThat(SDA.isWorkingDay(LocalDate.parse("2026-12-24"))).isFalse();
        assertThat(SDA.nextWorkingDay(LocalDate.parse("2026-12-23"))).isEqualTo(LocalDate.parse("2026-12-28"));
    }

    @Test
    void afterClosingTimeCountsFromTheNextWorkingDay() {
        assertThat(SDA.receiptDay(wib("2026-12-03T15:30"))).isEqualTo(LocalDate.parse("2026-12-04"));
        assertThat(SDA.endOfWorkingDays(wib("2026-12-03T15:30"), 1)).isEqualTo(wib("2026-12-07T15:00"));
        // closing time itself is closed
        assertThat(SDA.endOfWorkingDays(wib("2026-12-03T15:00"), 1)).isEqualTo(wib("2026-12-07T15:00"));
        // a minute before closing is still that day
        assertThat(SDA.endOfWorkingDays(wib("2026-12-03T14:59"), 1)).isEqualTo(wib("2026-12-04T15:00"));
        // before opening is that day too
        assertThat(SDA.endOfWorkingDays(wib("2026-12-03T06:30"), 1)).isEqualTo(wib("2026-12-04T15:00"));
        // on a Saturday: taken in on Monday
        assertThat(SDA.endOfWorkingDays(wib("2026-12-05T11:00"), 1)).isEqualTo(wib("2026-12-08T15:00"));
    }

    @Test
    void redFirstResponseRunsOnlyWithinServiceHours() {
        Duration thirty = Duration.ofMinutes(30);
        assertThat(SDA.addWorkingTime(wib("2026-12-03T10:00"), thirty)).isEqualTo(wib("2026-12-03T10:30"));
        // registered late in the day: 10 minutes today, 20 tomorrow
        assertThat(SDA.addWorkingTime(wib("2026-12-03T14:50"), thirty)).isEqualTo(wib("2026-12-04T08:20"));
        // late on a Friday: Monday morning
        assertThat(SDA.addWorkingTime(wib("2026-12-04T14:45"), thirty)).isEqualTo(wib("2026-12-07T08:15"));
        // before opening, at the weekend, at closing time
        assertThat(SDA.addWorkingTime(wib("2026-12-03T07:00"), thirty)).isEqualTo(wib("2026-12-03T08:30"));
        assertThat(SDA.addWorkingTime(wib("2026-12-05T09:00"), thirty)).isEqualTo(wib("2026-12-07T08:30"));
        assertThat(SDA.addWorkingTime(wib("2026-12-03T15:00"), thirty)).isEqualTo(wib("2026-12-04T08:30"));
        // ending exactly at closing time stays there
        assertThat(SDA.addWorkingTime(wib("2026-12-03T14:30"), thirty)).isEqualTo(wib("2026-12-03T15:00"));
        // the red complaint's resolution: close of the next working day
        assertThat(SDA.endOfWorkingDays(wib("2026-12-03T14:50"), 1)).isEqualTo(wib("2026-12-04T15:00"));
    }

    @Test
    void pausedWorkingTimeMovesTheDueTime() {
        // paused Thursday 14:00 to Friday 09:00: one hour each day
        Duration paused = SDA.workingTimeBetween(wib("2026-12-03T14:00"), wib("2026-12-04T09:00"));
        assertThat(paused).isEqualTo(Duration.ofHours(2));
        // a due time at Friday's close moves two service hours on: Monday 10:00
        assertThat(SDA.addWorkingTime(wib("2026-12-04T15:00"), paused)).isEqualTo(wib("2026-12-07T10:00"));
        // across a weekend and the Christmas days nothing counts but service hours
        assertThat(SDA.workingTimeBetween(wib("2026-12-23T14:00"), wib("2026-12-28T08:30"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(SDA.workingTimeBetween(wib("2026-12-05T09:00"), wib("2026-12-06T12:00"))).isZero();
        assertThat(SDA.workingTimeBetween(wib("2026-12-04T12:00"), wib("2026-12-04T11:00"))).isZero();
    }

    @Test
    void serviceHoursIncludeOpeningAndExcludeClosing() {
        assertThat(SDA.isWithinServiceHours(wib("2026-12-03T08:00"))).isTrue();
        assertThat(SDA.isWithinServiceHours(wib("2026-12-03T14:59"))).isTrue();
        assertThat(SDA.isWithinServiceHours(wib("2026-12-03T15:00"))).isFalse();
        assertThat(SDA.isWithinServiceHours(wib("2026-12-03T07:59"))).isFalse();
        assertThat(SDA.isWithinServiceHours(wib("2026-12-05T10:00"))).isFalse(); // Saturday
        assertThat(SDA.isWithinServiceHours(wib("2026-12-24T10:00"))).isFalse(); // cuti bersama
    }

    @Test
    void businessDateIsInTheBranchZone() {
        // 23:30 UTC is already the next day in Jakarta
        assertThat(SDA.businessDate(Instant.parse("2026-12-03T23:30:00Z"))).isEqualTo(LocalDate.parse("2026-12-04"));
    }

    @Test
    void aCalendarWithoutOpenDaysFailsInsteadOfLooping() {
        WorkingCalendar closed = new WorkingCalendar(WIB, Map.of(), Set.of());
        assertThatThrownBy(() -> closed.endOfWorkingDays(wib("2026-12-03T10:00"), 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.addWorkingTime(wib("2026-12-03T10:00"), Duration.ofMinutes(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SDA.endOfWorkingDays(wib("2026-12-03T10:00"), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
