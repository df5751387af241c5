package id.loket.platform.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the payload of one event type at {@link #fromVersion()} into the shape of version fromVersion + 1.
 * A CDI bean; the chain serves the event store and consumers alike. A type with upcasters from 1 to n is
 * written at version n + 1.
 */
public interface Upcaster {

    /** Event type name, e.g. {@code ParticipantRegistered}. */
    String eventType();

    int fromVersion();

    ObjectNode upcast(ObjectNode payload);
}
