package id.loket.membership.arrears.rest;

import id.loket.membership.arrears.service.SuspensionJob;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;

/** The suspension run for a date, as the scheduler runs it daily. */
@Path("/admin/suspension-runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuspensionRunResource {

    public record SuspensionRunRequest(@NotNull LocalDate date) {
    }

    private final SuspensionJob suspensions;

    SuspensionRunResource(SuspensionJob suspensions) {
        this.suspensions = suspensions;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    public SuspensionJob.Report suspend(@Valid @NotNull SuspensionRunRequest body) {
        return suspensions.runFor(body.date());
    }
}
