package id.loket.queue.appointment.rest;

import id.loket.platform.security.BranchLookup;
import id.loket.queue.appointment.service.AppointmentService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** A booking's branch, for the branch check (404 for no such appointment); a booking's branch is fixed. */
@ApplicationScoped
public class AppointmentBranch implements BranchLookup {

    private final AppointmentService appointments;

    AppointmentBranch(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @Override
    public String branchOf(Object appointmentId) {
        return appointments.get((UUID) appointmentId).branch();
    }
}
