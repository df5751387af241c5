package id.loket.queue.appointment.domain;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.branch.domain.BranchCalendar;
import id.loket.queue.branch.domain.ClosedDay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A booked slot, as the fold of its events: booked once, within the branch's hours, checked in once, on its day. */
public record Appointment(UUID id, UUID visitId, String branch, String serviceType, LocalDate date, String slot,
                          Instant slotStartsAt, UUID ticketId, Instant bookedAt) {

    public static String streamId(UUID id) {
        return "appointment-" + id;
    }

    public sealed interface Command {
        /**
         * Books a slot. calendar and zone: the branch's (looked up by the service); placesTaken: the places of the
         * slot taken with this one (counted by the service in the booking's transaction), capacity: its places.
         */
        record Book(UUID appointmentId, UUID visitId, String branch, String serviceType, LocalDate date, String slot,
                    LocalTime start, ZoneId zone, BranchCalendar calendar, int placesTaken, int capacity, Instant at)
                implements Command {
        }

        /** holidayToday: the branch's holiday today, or null (looked up by the service). */
        record CheckIn(UUID ticketId, String ticketNumber, LocalDate today, ClosedDay holidayToday, Instant at)
                implements Command {
        }
    }

    private static final Appointment NONE = new Appointment(null, null, null, null, null, null, null, null, null);

    public static final Decider<Command, AppointmentEvent, Appointment> DECIDER =
            new Decider<>(NONE, Appointment::decide, Appointment::evolve);

    public boolean exists() {
        return id != null;
    }

    public String state() {
        return ticketId == null ? "BOOKED" : "CHECKED_IN";
    }

    static List<AppointmentEvent> decide(Command command, Appointment a) {
        return switch (command) {
            case Command.Book b -> book(b, a);
            case Command.CheckIn c -> {
                if (!a.exists()) throw new RuleViolation("no such appointment");
                if (a.ticketId != null) throw new RuleViolation("appointment is CHECKED_IN already (ticket " + a.ticketId + ")");
                if (!a.date.equals(c.today())) {
                    throw new RuleViolation("appointment is BOOKED for " + a.date + "; check-in is on that day only (today is " + c.today() + ")");
                }
                // A holiday declared after the booking does not cancel it: the branch honours what it accepted (and can
                // tell the visitor). A booking made while the day was already a holiday cannot exist, since booking
                // refuses it, unless the holiday was removed and declared again after it: then the later declaration wins.
                ClosedDay holiday = c.holidayToday();
                if (holiday != null && (a.bookedAt == null || !a.bookedAt.isBefore(holiday.declaredAt()))) {
                    throw new RuleViolation("branch " + a.branch + " is closed today for " + holiday.describe()
                            + "; this appointment was booked after the holiday was declared, so it does not check in");
                }
                yield List.of(new AppointmentEvent.AppointmentCheckedIn(a.id, a.visitId, c.ticketId(), c.ticketNumber(), c.at()));
            }
        };
    }

    /** A slot starts within the branch's service hours on a day that is no holiday, not in the past, with a place left. */
    private static List<AppointmentEvent> book(Command.Book b, Appointment a) {
        if (a.exists()) throw new RuleViolation("appointment " + b.appointmentId() + " is already booked");
        LocalDate date = b.date();
        var holiday = b.calendar().holiday(date);
        if (holiday.isPresent()) {
            throw new InvalidField("date", date.getDayOfWeek() + " " + date + " is a holiday of branch " + b.branch()
                    + ": " + holiday.get().describe());
        }
        var hours = b.calendar().hours();
        if (!hours.covers(date, b.start())) {
            throw new InvalidField("slot", "slot " + b.slot() + " on " + date.getDayOfWeek() + " " + date
                    + " is outside the branch's service hours (" + hours.describe() + ")");
        }
        Instant slotStartsAt = date.atTime(b.start()).atZone(b.zone()).toInstant();
        if (slotStartsAt.isBefore(b.at())) throw new InvalidField("slot", "has already started");
        if (b.placesTaken() > b.capacity()) {
            throw new RuleViolation("slot " + date + " " + b.slot() + " is FULL (" + b.capacity() + " places)");
        }
        return List.of(new AppointmentEvent.AppointmentBooked(b.appointmentId(), b.visitId(), b.branch(),
                b.serviceType(), date, b.slot(), slotStartsAt, b.at()));
    }

    static Appointment evolve(Appointment a, AppointmentEvent event) {
        return switch (event) {
            case AppointmentEvent.AppointmentBooked b -> new Appointment(b.appointmentId(), b.visitId(), b.branch(),
                    b.serviceType(), b.date(), b.slot(), b.slotStartsAt(), null, b.bookedAt());
            case AppointmentEvent.AppointmentCheckedIn c -> new Appointment(a.id, a.visitId, a.branch, a.serviceType,
                    a.date, a.slot, a.slotStartsAt, c.ticketId(), a.bookedAt);
        };
    }
}
