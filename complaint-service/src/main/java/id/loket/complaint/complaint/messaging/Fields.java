package id.loket.complaint.complaint.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.consumer.PoisonMessageException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Defensive reads of another service's payload: unknown fields are ignored, a missing required one is poison. */
final class Fields {

    private Fields() {
    }

    static String text(ObjectNode payload, String field) {
        JsonNode n = payload.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    static String required(ObjectNode payload, String field) {
        String value = text(payload, field);
        if (value == null || value.isBlank()) throw new PoisonMessageException("payload has no " + field);
        return value;
    }

    static UUID uuid(ObjectNode payload, String field) {
        String value = text(payload, field);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException(field + " is not a UUID: " + value, e);
        }
    }

    static Instant instant(ObjectNode payload, String field) {
        String value = text(payload, field);
        return value == null ? null : Instant.parse(value);
    }

    static LocalDate date(ObjectNode payload, String field) {
        String value = text(payload, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
