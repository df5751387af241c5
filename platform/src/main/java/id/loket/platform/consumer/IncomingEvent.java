package id.loket.platform.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/**
 * An event consumed from another service's topic, read from its CloudEvents headers, its payload already
 * upcast to the current shape of its type.
 *
 * @param ceType    e.g. {@code loket.membership.ParticipantRegistered}
 * @param type      the event name, e.g. {@code ParticipantRegistered}
 * @param subject   the stream id (also the record key)
 */
public record IncomingEvent(
        UUID eventId,
        String ceType,
        String type,
        String source,
        String subject,
        int schemaVersion,
        Instant time,
        String correlationId,
        ObjectNode payload) {
}
