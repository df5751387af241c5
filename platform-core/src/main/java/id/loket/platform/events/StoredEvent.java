package id.loket.platform.events;

import java.time.Instant;
import java.util.UUID;

/** One row of the event store, as committed. */
public record StoredEvent(
        long position,
        String streamId,
        long version,
        UUID eventId,
        String type,
        int schemaVersion,
        String payloadJson,
        EventMetadata metadata,
        Instant recordedAt) {
}
