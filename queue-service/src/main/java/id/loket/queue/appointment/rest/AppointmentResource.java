package id.loket.queue.appointment.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import id.loket.queue.appointment.domain.Appointment;
import id.loket.queue.appointment.service.AppointmentService;
import id.loket.queue.ticket.rest.TicketBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Online queue bookings (the Mobile JKN online queue) and check-in on the day; each on the appointment's branch. */
@Path("/appointments")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.KIOSK, Roles.SECURITY_OFFICER, Roles.SUPERVISOR})
public class AppointmentResource {

    public record Book(@NotBlank String branch, @NotBlank String serviceType, @NotNull LocalDate date,
                       @NotBlank String slot) implements InBranch {
    }

    public record AppointmentBody(UUID id, UUID visitId, String branch, String serviceType, LocalDate date, String slot,
                                  Instant slotStartsAt, String state, UUID ticketId) {
        static AppointmentBody of(Appointment a) {
            return new AppointmentBody(a.id(), a.visitId(), a.branch(), a.serviceType(), a.date(), a.slot(),
                    a.slotStartsAt(), a.state(), a.ticketId());
        }
    }

    private final AppointmentService appointments;

    AppointmentResource(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response book(@Branch @Valid @NotNull Book body) {
        Appointment a = appointments.book(body.branch(), body.serviceType(), body.date(), body.slot());
        return Response.created(URI.create("/appointments/" + a.id())).entity(AppointmentBody.of(a)).build();
    }

    @GET
    @Path("/{id}")
    public AppointmentBody get(@Branch(lookup = AppointmentBranch.class) @PathParam("id") UUID id) {
        return AppointmentBody.of(appointments.get(id));
    }

    /** Issues the ticket (201), queued at the slot's start. */
    @POST
    @Path("/{id}/check-in")
    public Response checkIn(@Branch(lookup = AppointmentBranch.class) @PathParam("id") UUID id) {
        TicketBody t = TicketBody.of(appointments.checkIn(id));
        return Response.created(URI.create("/tickets/" + t.id())).entity(t).build();
    }
}
