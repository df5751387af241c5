package id.loket.queue.branch.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar's rules as plain functions: 2031-03-05 is a Wednesday; WIT is UTC+9; hours Mon–Fri 08–15, Sat 08–12. */
class BranchCalendarTest {

    static final ZoneId WIT = ServiceHoursRulesTest.WIT;
    static final Instant DECLARED = Instant.parse("2031-01-01T00:00:00Z");

    static BranchCalendar calendar(ServiceHours hours, String... dates) {
        return BranchCalendar.of(hours, java.util.Arrays.stream(dates)
                .map(d -> new ClosedDay(LocalDate.parse(d), "Libur " + d, HolidayKind.NATIONAL, DECLARED)).toList());
    }

    @Test
    void closedAllDayOnAHolidayAndOpeningNextPastARunOfThem() {
        BranchCalendar c = calendar(ServiceHoursRulesTest.hours(), "2031-03-05", "2031-03-06");
        Instant wednesday10 = Instant.parse("2031-03-05T01:00:00Z"); // 10:00 WIT
        assertThat(c.isOpen(wednesday10, WIT)).isFalse();
        assertThat(c.nextOpening(wednesday10, WIT)).hasValueSatisfying(t ->
                assertThat(t.toLocalDateTime()).hasToString("2031-03-07T08:00"));
        assertThatThrownBy(() -> c.requireOpen("JAP", wednesday10, WIT)).isInstanceOf(BranchClosed.class)
                .hasMessageContaining("Libur 2031-03-05 (NATIONAL holiday, 2031-03-05)")
                .satisfies(e -> assertThat(((BranchClosed) e).holiday().date()).isEqualTo(LocalDate.parse("2031-03-05")));
        // the day before closes as usual, and opens next after the holidays
        Instant tuesday16 = Instant.parse("2031-03-04T07:00:00Z");
        assertThat(c.nextOpening(tuesday16, WIT)).hasValueSatisfying(t ->
                assertThat(t.toLocalDateTime()).hasToString("2031-03-07T08:00"));
        assertThatThrownBy(() -> c.requireOpen("JAP", tuesday16, WIT)).isInstanceOf(BranchClosed.class)
                .satisfies(e -> assertThat(((BranchClosed) e).holiday()).isNull());
    }

    @Test
    void aHolidayHasNoClosingTimeAndCarriedTicketsGoPastIt() {
        BranchCalendar c = calendar(ServiceHoursRulesTest.hours(), "2031-03-05", "2031-03-10");
        // Wednesday evening: the last closing was Tuesday's
        assertThat(c.lastClosing(Instant.parse("2031-03-05T09:00:00Z"), WIT)).hasValueSatisfying(cl ->
                assertThat(cl.businessDate()).isEqualTo(LocalDate.parse("2031-03-04")));
        assertThat(c.nextWorkingDay(LocalDate.parse("2031-03-04"))).isEqualTo(LocalDate.parse("2031-03-06"));
        // Saturday works (morning hours), Sunday does not, Monday is a holiday
        assertThat(c.nextWorkingDay(LocalDate.parse("2031-03-07"))).isEqualTo(LocalDate.parse("2031-03-08"));
        assertThat(c.nextWorkingDay(LocalDate.parse("2031-03-08"))).isEqualTo(LocalDate.parse("2031-03-11"));
        assertThat(c.covers(LocalDate.parse("2031-03-05"), LocalTime.of(10, 0))).isFalse();
        assertThat(c.covers(LocalDate.parse("2031-03-06"), LocalTime.of(10, 0))).isTrue();
    }

    @Test
    void withoutHoursOpenAtAnyTimeExceptOnHolidays() {
        BranchCalendar c = calendar(ServiceHours.ALWAYS_OPEN, "2031-03-05");
        assertThat(c.isOpen(Instant.parse("2031-03-04T14:59:59Z"), WIT)).isTrue();  // Tuesday 23:59:59
        assertThat(c.isOpen(Instant.parse("2031-03-04T15:00:00Z"), WIT)).isFalse(); // Wednesday 00:00
        assertThat(c.nextOpening(Instant.parse("2031-03-05T03:00:00Z"), WIT)).hasValueSatisfying(t ->
                assertThat(t.toLocalDateTime()).hasToString("2031-03-06T00:00"));
        assertThat(c.lastClosing(Instant.parse("2031-03-05T03:00:00Z"), WIT)).isEmpty();
        assertThat(c.nextWorkingDay(LocalDate.parse("2031-03-04"))).isEqualTo(LocalDate.parse("2031-03-06"));
        assertThat(calendar(ServiceHours.ALWAYS_OPEN).holidays()).isEqualTo(java.util.Map.of());
        assertThat(List.of(c.holiday(LocalDate.parse("2031-03-05")).orElseThrow().kind())).containsExactly(HolidayKind.NATIONAL);
    }
}
