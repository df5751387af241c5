package id.loket.platform.events;

/**
 * Who and what caused an event. Carried in the store's metadata column and as Kafka headers, so one visit
 * can be followed across services by its correlation id, and (when tracing is on) by the W3C
 * {@code traceparent} of the span that appended it.
 */
public record EventMetadata(String correlationId, String causationId, String actor, String branch, String traceparent) {

    public EventMetadata(String correlationId, String causationId, String actor, String branch) {
        this(correlationId, causationId, actor, branch, null);
    }
}
