package id.loket.platform.eventstore;

/**
 * Who and what caused an event. Carried in the store's metadata column and as Kafka headers, so one visit
 * can be followed across services by its correlation id.
 */
public record EventMetadata(String correlationId, String causationId, String actor, String branch) {
}
