package id.loket.queue.appointment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An online queue booking (Mobile JKN), on {@code loket.queue.events} with key {@code appointment-<appointmentId>}. */
public sealed interface AppointmentEvent {

    UUID appointmentId();

    record AppointmentBooked(UUID appointmentId, UUID visitId, String branch, String serviceType, LocalDate date,
                             String slot, Instant slotStartsAt, Instant bookedAt) implements AppointmentEvent {
    }

    record AppointmentCheckedIn(UUID appointmentId, UUID visitId, UUID ticketId, String ticketNumber,
                                Instant checkedInAt) implements AppointmentEvent {
    }
}
