package id.loket.queue.appointment.domain;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A booked slot, as the fold of its events: booked once, checked in once, on its day. */
public record Appointment(UUID id, UUID visitId, String branch, String serviceType, LocalDate date, String slot,
                          Instant slotStartsAt, UUID ticketId, Instant bookedAt) {

    public static String streamId(UUID id) {
        return "appointment-" + id;
    }

    public sealed interface Command {
        record Book(UUID appointmentId, UUID visitId, String branch, String serviceType, LocalDate date, String slot,
                    Instant slotStartsAt, Instant at) implements Command {
        }

        record CheckIn(UUID ticketId, String ticketNumber, LocalDate today, Instant at) implements Command {
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
            case Command.Book b -> {
                if (a.exists()) throw new RuleViolation("appointment " + b.appointmentId() + " is already booked");
                yield List.of(new AppointmentEvent.AppointmentBooked(b.appointmentId(), b.visitId(), b.branch(),
                        b.serviceType(), b.date(), b.slot(), b.slotStartsAt(), b.at()));
            }
            case Command.CheckIn c -> {
                if (a.ticketId != null) throw new RuleViolation("appointment is CHECKED_IN already (ticket " + a.ticketId + ")");
                if (!a.date.equals(c.today())) {
                    throw new RuleViolation("appointment is BOOKED for " + a.date + "; check-in is on that day only (today is " + c.today() + ")");
                }
                yield List.of(new AppointmentEvent.AppointmentCheckedIn(a.id, a.visitId, c.ticketId(), c.ticketNumber(), c.at()));
            }
        };
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
