package id.loket.queue.appointment.domain;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import id.loket.queue.appointment.domain.Appointment.Command;
import id.loket.queue.appointment.domain.AppointmentEvent.AppointmentBooked;
import id.loket.queue.appointment.domain.AppointmentEvent.AppointmentCheckedIn;
import id.loket.queue.branch.domain.BranchCalendar;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.HolidayKind;
import id.loket.queue.branch.domain.ServiceHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A booking's rules, pure: the slot within hours on a working day, not started, with a place; check-in on its day. */
class AppointmentTest {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID VISIT = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000a3");
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");
    static final Instant BOOKED_AT = Instant.parse("2026-11-20T03:00:00Z");
    /** 10:00 in Jakarta. */
    static final Instant SLOT_START = Instant.parse("2026-11-26T03:00:00Z");
    static final ServiceHours WEEKDAYS = new ServiceHours(Map.of(
            DayOfWeek.MONDAY, new ServiceHours.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0)),
            DayOfWeek.THURSDAY, new ServiceHours.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0))));
    static final BranchCalendar CALENDAR = BranchCalendar.of(WEEKDAYS, List.of());

    final DeciderSpec<Command, AppointmentEvent, Appointment> appointment = DeciderSpec.of(Appointment.DECIDER);

    static Command.Book book(LocalDate date, String slot, BranchCalendar calendar, int placesTaken, Instant at) {
        return new Command.Book(ID, VISIT, "SDA", "A", date, slot, LocalTime.parse(slot), JAKARTA, calendar,
                placesTaken, 20, at);
    }

    static final AppointmentBooked BOOKED = new AppointmentBooked(ID, VISIT, "SDA", "A", THURSDAY, "10:00", SLOT_START, BOOKED_AT);

    @Test
    void aSlotWithinTheHoursWithAPlaceLeftIsBookedAtItsStartInTheBranchsZone() {
        Appointment a = appointment.given().when(book(THURSDAY, "10:00", CALENDAR, 20, BOOKED_AT)).then(BOOKED);
        assertThat(a.state()).isEqualTo("BOOKED");
        assertThat(a.slotStartsAt()).isEqualTo(SLOT_START);
    }

    @Test
    void aBranchWithoutHoursTakesAnySlot() {
        appointment.given().when(book(THURSDAY, "20:00", BranchCalendar.of(ServiceHours.ALWAYS_OPEN, List.of()), 1, BOOKED_AT))
                .then(new AppointmentBooked(ID, VISIT, "SDA", "A", THURSDAY, "20:00", Instant.parse("2026-11-26T13:00:00Z"), BOOKED_AT));
    }

    @Test
    void aSlotIsRefusedOnAHolidayOutsideTheHoursOnceStartedOrWhenFull() {
        BranchCalendar holiday = BranchCalendar.of(WEEKDAYS,
                List.of(new ClosedDay(THURSDAY, "Libur daerah", HolidayKind.REGIONAL, BOOKED_AT.minusSeconds(60))));
        assertThat(appointment.given().when(book(THURSDAY, "10:00", holiday, 1, BOOKED_AT))
                .thenViolates(InvalidField.class, "is a holiday of branch SDA: Libur daerah").field()).isEqualTo("date");
        assertThat(appointment.given().when(book(THURSDAY, "16:00", CALENDAR, 1, BOOKED_AT))
                .thenViolates(InvalidField.class, "outside the branch's service hours").field()).isEqualTo("slot");
        appointment.given().when(book(THURSDAY.plusDays(1), "10:00", CALENDAR, 1, BOOKED_AT))
                .thenViolates(InvalidField.class, "outside the branch's service hours");
        assertThat(appointment.given().when(book(THURSDAY, "10:00", CALENDAR, 1, SLOT_START.plusSeconds(1)))
                .thenViolates(InvalidField.class, "has already started").field()).isEqualTo("slot");
        appointment.given().when(book(THURSDAY, "10:00", CALENDAR, 21, BOOKED_AT))
                .thenViolates(RuleViolation.class, "slot 2026-11-26 10:00 is FULL (20 places)");
    }

    @Test
    void anAppointmentIsBookedOnce() {
        appointment.given(BOOKED).when(book(THURSDAY, "10:00", CALENDAR, 1, BOOKED_AT))
                .thenViolates(RuleViolation.class, "is already booked");
    }

    @Test
    void aBookingChecksInOnceOnItsDayWithItsTicket() {
        Instant at = SLOT_START.minusSeconds(600);
        Appointment a = appointment.given(BOOKED).when(new Command.CheckIn(TICKET, "A-001", THURSDAY, null, at))
                .then(new AppointmentCheckedIn(ID, VISIT, TICKET, "A-001", at));
        assertThat(a.state()).isEqualTo("CHECKED_IN");
        appointment.given(BOOKED, new AppointmentCheckedIn(ID, VISIT, TICKET, "A-001", at))
                .when(new Command.CheckIn(UUID.randomUUID(), "A-002", THURSDAY, null, at))
                .thenViolates(RuleViolation.class, "CHECKED_IN already (ticket " + TICKET + ")");
        appointment.given(BOOKED).when(new Command.CheckIn(TICKET, "A-001", THURSDAY.minusDays(1), null, at))
                .thenViolates(RuleViolation.class, "BOOKED for 2026-11-26; check-in is on that day only (today is 2026-11-25)");
        appointment.given().when(new Command.CheckIn(TICKET, "A-001", THURSDAY, null, at))
                .thenViolates(RuleViolation.class, "no such appointment");
    }

    @Test
    void aHolidayDeclaredAfterTheBookingIsHonouredAndOneDeclaredBeforeItIsNot() {
        Instant at = SLOT_START.minusSeconds(600);
        ClosedDay later = new ClosedDay(THURSDAY, "Cuti bersama", HolidayKind.COLLECTIVE_LEAVE, BOOKED_AT.plusSeconds(3600));
        appointment.given(BOOKED).when(new Command.CheckIn(TICKET, "A-001", THURSDAY, later, at))
                .then(new AppointmentCheckedIn(ID, VISIT, TICKET, "A-001", at));
        ClosedDay earlier = new ClosedDay(THURSDAY, "Cuti bersama", HolidayKind.COLLECTIVE_LEAVE, BOOKED_AT);
        appointment.given(BOOKED).when(new Command.CheckIn(TICKET, "A-001", THURSDAY, earlier, at))
                .thenViolates(RuleViolation.class, "booked after the holiday was declared, so it does not check in");
    }
}
