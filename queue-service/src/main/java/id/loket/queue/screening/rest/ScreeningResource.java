package id.loket.queue.screening.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import id.loket.queue.screening.domain.Channel;
import id.loket.queue.screening.domain.MembershipAnswer;
import id.loket.queue.screening.domain.Purpose;
import id.loket.queue.screening.domain.ScreeningOutcome;
import id.loket.queue.screening.domain.Suggestion;
import id.loket.queue.screening.domain.Visit;
import id.loket.queue.screening.service.ScreeningService;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.rest.TicketBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * Screening at the door. {@code POST /screenings/check} answers status and a suggestion without recording
 * anything; {@code POST /screenings} records the officer's outcome (the suggestion when none is given).
 * The NIK is typed in a body and hashed; it is never stored.
 */
@Path("/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECURITY_OFFICER, Roles.SUPERVISOR})
@BranchScoped
public class ScreeningResource {

    public record Screen(@NotBlank String branch,
                         @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String nik,
                         @Pattern(regexp = "\\d{13}", message = "must be exactly 13 digits") String cardNumber,
                         @NotNull Purpose purpose,
                         Priority priority,
                         ScreeningOutcome outcome,
                         String serviceType,
                         Channel channel) implements InBranch {
        @Override
        public String toString() {
            return "Screen[branch=" + branch + ", purpose=" + purpose + "]"; // never the NIK
        }

        ScreeningService.Visitor visitor() {
            return new ScreeningService.Visitor(branch, nik, cardNumber, purpose, priority);
        }
    }

    public record CheckBody(MembershipAnswer membership, Suggestion suggestion) {
    }

    public record ScreenedBody(UUID visitId, MembershipAnswer membership, Suggestion suggestion,
                               ScreeningOutcome outcome, String serviceType, Channel channel, TicketBody ticket) {
    }

    private final ScreeningService screenings;

    ScreeningResource(ScreeningService screenings) {
        this.screenings = screenings;
    }

    @POST
    @Path("/check")
    public CheckBody check(@Branch @Valid @NotNull Screen body) { // checked before membership-service is asked about anyone
        var c = screenings.check(body.visitor());
        return new CheckBody(c.membership(), c.suggestion());
    }

    @POST
    public Response screen(@Branch @Valid @NotNull Screen body) {
        var s = screenings.screen(body.visitor(),
                new Visit.Decision(body.outcome(), body.serviceType(), body.channel()));
        return Response.status(201).entity(new ScreenedBody(s.visitId(), s.membership(), s.suggestion(), s.outcome(),
                s.serviceType(), s.channel(), s.ticket() == null ? null : TicketBody.of(s.ticket()))).build();
    }
}
