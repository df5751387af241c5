package id.loket.queue.ticket.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.http.Problem;
import id.loket.platform.idempotency.IdempotentCommands;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.service.TicketService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Tickets: issue, read, history, and what the counter does with a called ticket; each on the ticket's branch. */
@Path("/tickets")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    public record IssueTicket(@NotBlank String branch, @NotBlank String serviceType, @NotNull TicketSource source,
                              Priority priority) implements InBranch {
    }

    public record Transfer(@NotBlank String serviceType) {
    }

    public record ReturnToQueue(@Size(max = 100) String by) {
    }

    public record Close(@NotBlank @Size(max = 100) String outcome, @Size(max = 100) String complaintId,
                        List<@NotBlank String> channelsEducated) {
    }

    public record HistoryEntry(long version, String type, int schemaVersion, Instant recordedAt, JsonNode payload) {
    }

    private final TicketService tickets;
    private final IdempotentCommands idempotent;
    private final ObjectMapper json;
    private final CurrentActor actor;

    TicketResource(TicketService tickets, IdempotentCommands idempotent, ObjectMapper json, CurrentActor actor) {
        this.tickets = tickets;
        this.idempotent = idempotent;
        this.json = json;
        this.actor = actor;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.KIOSK, Roles.FRONTLINER, Roles.SUPERVISOR})
    public Response issue(@HeaderParam(IdempotentCommands.HEADER) String key, @Branch @Valid @NotNull IssueTicket body) {
        // the branch check (before this method) and this one come before the idempotency key is claimed or a number drawn
        if (kioskOnly() && body.source() != TicketSource.KIOSK) {
            return Problem.response(403, "forbidden-source", "Forbidden",
                    "source: the kiosk client issues tickets only with source KIOSK, not " + body.source(),
                    List.of(new Problem.FieldError("source", "must be KIOSK for the kiosk client")));
        }
        return idempotent.run(key, "POST /tickets", body, () -> {
            TicketBody t = TicketBody.of(tickets.issue(UUID.randomUUID(), body.branch(), body.serviceType(), body.source(), body.priority(), null, null));
            return Response.created(URI.create("/tickets/" + t.id())).entity(t).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody get(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id) {
        return TicketBody.of(tickets.get(id));
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR})
    public List<HistoryEntry> events(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id) {
        return tickets.history(id).stream().map(e -> {
            try {
                return new HistoryEntry(e.version(), e.type(), e.schemaVersion(), e.recordedAt(), json.readTree(e.payloadJson()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }).toList();
    }

    @POST
    @Path("/{id}/recall")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody recall(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id) {
        return TicketBody.of(tickets.recall(id));
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody noShow(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id) {
        return TicketBody.of(tickets.markNoShow(id));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody returnToQueue(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id, @Valid ReturnToQueue body) {
        return TicketBody.of(tickets.returnToQueue(id, body == null ? null : body.by()));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody start(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id) {
        return TicketBody.of(tickets.start(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/transfer")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody transfer(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id, @Valid @NotNull Transfer body) {
        return TicketBody.of(tickets.transfer(id, body.serviceType()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/close")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public TicketBody close(@Branch(lookup = TicketBranch.class) @PathParam("id") UUID id, @Valid @NotNull Close body) {
        return TicketBody.of(tickets.close(id, body.outcome(), body.complaintId(), body.channelsEducated()));
    }

    /** The kiosk client, not a person who may also issue tickets at the door or the counter. */
    private boolean kioskOnly() {
        return actor.hasRole(Roles.KIOSK) && !actor.hasRole(Roles.SECURITY_OFFICER)
                && !actor.hasRole(Roles.FRONTLINER) && !actor.hasRole(Roles.SUPERVISOR);
    }
}
