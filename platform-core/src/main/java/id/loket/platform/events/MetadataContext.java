package id.loket.platform.events;

import id.loket.platform.security.CurrentActor;
import id.loket.platform.tracing.Traceparent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * The correlation id, causation id, actor and branch of the work in progress: set by the HTTP correlation
 * filter or by the idempotent consumer, read by the event store when it stamps metadata.
 */
@RequestScoped
public class MetadataContext {

    private String correlationId;
    private String causationId;
    private String actor;
    private String branch;

    public String correlationId() { return correlationId; }

    public void correlationId(String correlationId) { this.correlationId = correlationId; }

    public void causationId(String causationId) { this.causationId = causationId; }

    public void actor(String actor) { this.actor = actor; }

    public void branch(String branch) { this.branch = branch; }

    public EventMetadata toMetadata() {
        if (correlationId == null) correlationId = UUID.randomUUID().toString();
        if (actor == null) actor = signedInSubject();
        return new EventMetadata(correlationId, causationId, actor, branch, Traceparent.current());
    }

    /** The token subject of the request's user: every event a person causes names them. */
    private static String signedInSubject() {
        try {
            return Arc.container().instance(CurrentActor.class).get().subject().orElse(null);
        } catch (RuntimeException e) {
            return null; // no HTTP request behind this work (a consumer, a job): no person acted
        }
    }

    /** The metadata of the current request, or a fresh correlation id where no request is active (a job). */
    public static EventMetadata current() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            return Arc.container().instance(MetadataContext.class).get().toMetadata();
        }
        return new EventMetadata(UUID.randomUUID().toString(), null, null, null, Traceparent.current());
    }
}
