package id.loket.platform.tally;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.NotFound;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.EventCodec;
import id.loket.platform.idempotency.IdempotentCommands;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The test app's REST face, shaped like a service's resource, open to frontliners as a service's would be. */
@Path("/tallies")
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
public class TallyResource {

    public record OpenTally(@NotBlank @Size(max = 50) String name, Colour colour) {
    }

    public enum Colour { RED, GREEN }

    public record Increment(@NotNull @Min(1) @Max(1000) Long by, @Min(0) Long expectedVersion) {
    }

    public record TallyBody(UUID id, String name, long total, long version) {
    }

    private final AggregateRepository aggregates;
    private final EventStore store;
    private final EventCodec codec;
    private final IdempotentCommands idempotent;

    private final CurrentActor actor;

    TallyResource(AggregateRepository aggregates, EventStore store, EventCodec codec, IdempotentCommands idempotent,
                  CurrentActor actor) {
        this.actor = actor;
        this.aggregates = aggregates;
        this.store = store;
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @POST
    public Response open(@HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull OpenTally body) {
        return idempotent.run(key, "POST /tallies", body, () -> {
            UUID id = UUID.randomUUID();
            var handled = aggregates.handle("tally-" + id, Tally.DECIDER, TallyEvent.class, new Tally.Command.Open(id, body.name()));
            return Response.created(URI.create("/tallies/" + id))
                    .entity(new TallyBody(id, body.name(), 0, handled.version())).build();
        });
    }

    @POST
    @Path("/{id}/increments")
    @Transactional
    public TallyBody increment(@PathParam("id") UUID id, @Valid @NotNull Increment body) {
        String stream = "tally-" + id;
        if (body.expectedVersion() != null) {
            // The caller says which version it saw: a stale one is a 409, not a lost update.
            var loaded = aggregates.load(stream, Tally.DECIDER, TallyEvent.class);
            if (!loaded.exists()) throw new NotFound("no tally " + id);
            store.append(stream, ExpectedVersion.exactly(body.expectedVersion()),
                    List.of(codec.encode(new TallyEvent.TallyIncremented(id, body.by()))));
            return get(id);
        }
        var handled = aggregates.handle(stream, Tally.DECIDER, TallyEvent.class, new Tally.Command.Increment(id, body.by()));
        return new TallyBody(id, handled.state().name(), handled.state().total(), handled.version());
    }

    @GET
    @Path("/{id}")
    public TallyBody get(@PathParam("id") UUID id) {
        TallyView v = TallyView.findById(id);
        if (v == null) throw new NotFound("no tally " + id);
        return new TallyBody(v.id, v.name, v.total, v.version);
    }

    /** A branch-scoped read, as a service's branch routes are: the user's own branch only (or national). */
    @GET
    @Path("/branches/{code}")
    public java.util.Map<String, String> branch(@PathParam("code") String code) {
        actor.requireBranch(code);
        return java.util.Map.of("branch", code);
    }

    /** A public route, as the survey page is. */
    @GET
    @Path("/public")
    @PermitAll
    public String open() {
        return actor.subject().orElse("anonymous");
    }
}
