package id.loket.queue.ticket.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.http.IdempotentCommands;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.service.TicketService;
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

/** Tickets: issue, read, history, and what the counter does with a called ticket. */
@Path("/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketResource {

    public record IssueTicket(@NotBlank String branch, @NotBlank String serviceType, @NotNull TicketSource source,
                              Priority priority) {
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

    TicketResource(TicketService tickets, IdempotentCommands idempotent, ObjectMapper json) {
        this.tickets = tickets;
        this.idempotent = idempotent;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull IssueTicket body) {
        return idempotent.run(key, "POST /tickets", body, () -> {
            TicketBody t = TicketBody.of(tickets.issue(UUID.randomUUID(), body.branch(), body.serviceType(), body.source(), body.priority(), null, null));
            return Response.created(URI.create("/tickets/" + t.id())).entity(t).build();
        });
    }

    @GET
    @Path("/{id}")
    public TicketBody get(@PathParam("id") UUID id) {
        return TicketBody.of(tickets.get(id));
    }

    @GET
    @Path("/{id}/events")
    public List<HistoryEntry> events(@PathParam("id") UUID id) {
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
    public TicketBody recall(@PathParam("id") UUID id) {
        return TicketBody.of(tickets.recall(id));
    }

    @POST
    @Path("/{id}/no-show")
    public TicketBody noShow(@PathParam("id") UUID id) {
        return TicketBody.of(tickets.markNoShow(id));
    }

    @POST
    @Path("/{id}/return")
    public TicketBody returnToQueue(@PathParam("id") UUID id, @Valid ReturnToQueue body) {
        return TicketBody.of(tickets.returnToQueue(id, body == null ? null : body.by()));
    }

    @POST
    @Path("/{id}/start")
    public TicketBody start(@PathParam("id") UUID id) {
        return TicketBody.of(tickets.start(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/transfer")
    public TicketBody transfer(@PathParam("id") UUID id, @Valid @NotNull Transfer body) {
        return TicketBody.of(tickets.transfer(id, body.serviceType()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/close")
    public TicketBody close(@PathParam("id") UUID id, @Valid @NotNull Close body) {
        return TicketBody.of(tickets.close(id, body.outcome(), body.complaintId(), body.channelsEducated()));
    }
}
