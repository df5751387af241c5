package id.loket.membership.deactivation.rest;

import id.loket.membership.deactivation.service.DeactivationService;
import id.loket.membership.participant.domain.DeactivationReason;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.SelfApproval;
import id.loket.platform.http.Problem;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Deactivations and their reversals, each requested by one person and approved or rejected by another supervisor. */
@Path("/participants/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeactivationResource {

    public record DeactivationRequest(@NotNull DeactivationReason reason, LocalDate dateOfDeath, LocalDate effectiveFrom,
                                      @NotNull List<@Valid @NotNull DocumentBody> documents,
                                      @Size(max = 60) String complaintReference) {
    }

    public record DocumentBody(@NotNull DeactivationReason.DocumentType type, @NotBlank @Size(max = 60) String number) {
    }

    public record ReversalRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 500) String evidence) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final DeactivationService deactivations;
    private final CurrentActor actor;

    DeactivationResource(DeactivationService deactivations, CurrentActor actor) {
        this.deactivations = deactivations;
        this.actor = actor;
    }

    /** A request: a supervisor other than the requester approves or rejects it (four eyes). 202 with the request id. */
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/deactivations")
    public Response requestDeactivation(@PathParam("id") UUID id, @Valid @NotNull DeactivationRequest body) {
        DeactivationService.RequestAnswer requested = deactivations.requestDeactivation(id, new DeactivationService.Deactivation(
                body.reason(), body.dateOfDeath(), body.effectiveFrom(),
                body.documents().stream().map(d -> new DeactivationService.Document(d.type(), d.number())).toList(),
                body.complaintReference()), requester());
        return Response.accepted(requested).build();
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/deactivation-requests/{requestId}/approve")
    @Consumes(MediaType.WILDCARD) // no body
    public DeactivationService.DeactivationResult approveDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return deactivations.approveDeactivation(id, requestId, requester());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/deactivation-requests/{requestId}/reject")
    public DeactivationService.Rejection rejectDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                                                            @Valid @NotNull RejectRequest body) {
        return deactivations.reject(id, requestId, Participant.RequestKind.DEACTIVATION, requester(), body.reason());
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/deactivation-reversals")
    public Response requestReversal(@PathParam("id") UUID id, @Valid @NotNull ReversalRequest body) {
        return Response.accepted(deactivations.requestReversal(id, body.reason() + " (evidence: " + body.evidence() + ")", requester()))
                .build();
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/deactivation-reversal-requests/{requestId}/approve")
    @Consumes(MediaType.WILDCARD) // no body
    public DeactivationService.ReversalResult approveReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return deactivations.approveReversal(id, requestId, requester());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/deactivation-reversal-requests/{requestId}/reject")
    public DeactivationService.Rejection rejectReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                                                        @Valid @NotNull RejectRequest body) {
        return deactivations.reject(id, requestId, Participant.RequestKind.REVERSAL, requester(), body.reason());
    }

    /** Requester and approver are people, named by their token subject. */
    private String requester() {
        return actor.subject().orElseThrow(() -> new IllegalStateException("a request without a signed-in user"));
    }

    /** The requester deciding their own request: 403, a second person must. */
    @ServerExceptionMapper
    public Response selfApproval(SelfApproval e) {
        return Problem.response(403, "four-eyes", "Forbidden", e.getMessage(), null);
    }
}
