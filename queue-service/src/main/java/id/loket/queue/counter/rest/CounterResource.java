package id.loket.queue.counter.rest;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.idempotency.IdempotentCommands;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import id.loket.queue.branch.rest.BranchResource.ChangeCounter;
import id.loket.queue.branch.rest.BranchResource.CounterBody;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.counter.service.ConsoleService;
import id.loket.queue.counter.service.CounterConsole;
import id.loket.queue.counter.service.CounterService;
import id.loket.queue.ticket.rest.TicketBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A counter's day: open (who staffs it), call the next ticket, close; each on the counter's branch (CounterBranch). */
@Path("/counters/{id}")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
public class CounterResource {

    /** staff: who staffs the counter; left out, the signed-in person (their token subject). */
    public record Open(@Size(max = 100) String staff) {
    }

    private final CounterService counters;
    private final BranchSetup setup;
    private final CurrentActor actor;
    private final IdempotentCommands idempotent;
    private final ConsoleService consoles;

    CounterResource(CounterService counters, BranchSetup setup, CurrentActor actor, IdempotentCommands idempotent,
                    ConsoleService consoles) {
        this.consoles = consoles;
        this.counters = counters;
        this.setup = setup;
        this.actor = actor;
        this.idempotent = idempotent;
    }

    @GET
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public CounterBody get(@Branch(lookup = CounterBranch.class) @PathParam("id") String id) {
        return CounterBody.of(setup.counter(id));
    }

    /** What the counter console shows: state, staff, the current ticket with the door's screening, the waiting. */
    @GET
    @Path("/console")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public CounterConsole console(@Branch(lookup = CounterBranch.class) @PathParam("id") String id) {
        return consoles.console(id);
    }

    /** Change a counter's name and the service types it serves. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public CounterBody change(@Branch(lookup = CounterBranch.class) @PathParam("id") String id, @Valid @NotNull ChangeCounter body) {
        return CounterBody.of(setup.changeCounter(id, body.name(), body.serviceTypes()));
    }

    @POST
    @Path("/open")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public CounterBody open(@Branch(lookup = CounterBranch.class) @PathParam("id") String id, @Valid Open body) {
        String by = actor.subject().orElse(null);
        String given = body == null ? null : body.staff();
        String staff = given == null || given.isBlank() ? by : given.strip();
        if (staff == null) throw new InvalidField("staff", "is required when nobody is signed in");
        return CounterBody.of(counters.open(id, staff, by));
    }

    @POST
    @Path("/close")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public CounterBody close(@Branch(lookup = CounterBranch.class) @PathParam("id") String id) {
        return CounterBody.of(counters.close(id, actor.subject().orElse(null)));
    }

    /**
     * 200 with the called ticket, 204 when nobody is waiting for this counter's service types, 409 naming the ticket
     * when the counter already has one called or in service. With an {@code Idempotency-Key}, a retry answers what
     * the first call answered (the same ticket), and calls nobody else.
     */
    @POST
    @Path("/call-next")
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    public Response callNext(@HeaderParam(IdempotentCommands.HEADER) String key, @Branch(lookup = CounterBranch.class) @PathParam("id") String id) {
        return idempotent.run(key, "POST /counters/{id}/call-next", id, () -> counters.callNext(id)
                .map(t -> Response.ok(TicketBody.of(t)).build())
                .orElseGet(() -> Response.noContent().build()));
    }
}
