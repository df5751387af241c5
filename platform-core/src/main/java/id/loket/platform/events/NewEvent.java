package id.loket.platform.events;

import java.util.Objects;
import java.util.UUID;

/** An event about to be appended: its type name, schema version and JSON payload. */
public record NewEvent(UUID eventId, String type, int schemaVersion, String payloadJson, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (schemaVersion < 1) throw new IllegalArgumentException("schemaVersion must be >= 1");
    }

    /** Metadata left null is filled in by the store from the current request or consumed event. */
    public NewEvent(String type, int schemaVersion, String payloadJson) {
        this(UUID.randomUUID(), type, schemaVersion, payloadJson, null);
    }
}
