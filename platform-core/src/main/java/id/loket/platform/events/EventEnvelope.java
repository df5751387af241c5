package id.loket.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored event decoded into its record, with where it sits in the store and who caused it: what a typed
 * projection receives instead of JSON.
 *
 * @param event      the event record, in the current shape of its type (older versions upcast)
 * @param streamId   e.g. {@code tally-<id>}
 * @param version    its place in the stream, from 1
 * @param position   its place in the whole store (the order projections and the relay see)
 * @param recordedAt when it was appended: a projection takes times from here, never from the clock
 */
public record EventEnvelope<E>(E event, String streamId, long version, long position, UUID eventId,
                               EventMetadata metadata, Instant recordedAt) {

    public static <E> EventEnvelope<E> of(StoredEvent stored, E event) {
        return new EventEnvelope<>(event, stored.streamId(), stored.version(), stored.position(), stored.eventId(),
                stored.metadata(), stored.recordedAt());
    }
}
