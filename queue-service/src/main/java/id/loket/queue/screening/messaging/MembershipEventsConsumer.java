package id.loket.queue.screening.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import id.loket.platform.consumer.PoisonMessageException;
import id.loket.queue.screening.projection.MembershipStatus;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Builds the local copy of membership status that screening answers from, so the door keeps working when
 * membership-service is down. Effect-once per event id; unknown event types are skipped; fields are read
 * defensively (only those needed here).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "queue.membership-status";

    private final IdempotentConsumer consumer;

    MembershipEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("membership-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.process(CONSUMER, record, this::apply);
    }

    void apply(IncomingEvent event) {
        ObjectNode p = event.payload();
        switch (event.type()) {
            case "ParticipantRegistered" -> {
                MembershipStatus s = upsert(p);
                s.cardNumber = text(p, "cardNumber");
                s.nikLast4 = text(p, "nikLast4");
            }
            case "ParticipantSuspended" -> {
                MembershipStatus s = upsert(p);
                s.status = "SUSPENDED";
                s.monthsInArrears = p.path("monthsInArrears").asInt(0);
                s.arrearsAmount = p.hasNonNull("arrearsAmount") ? p.get("arrearsAmount").asLong() : null;
                s.effectiveFrom = date(p, "effectiveFrom");
                s.reason = null;
            }
            case "ParticipantReactivated" -> {
                MembershipStatus s = upsert(p);
                s.status = "ACTIVE";
                s.monthsInArrears = 0;
                s.arrearsAmount = null;
                s.effectiveFrom = date(p, "effectiveFrom");
                s.reason = null;
            }
            case "ParticipantDeactivated" -> {
                MembershipStatus s = upsert(p);
                s.status = "INACTIVE";
                s.effectiveFrom = date(p, "effectiveFrom");
                s.reason = text(p, "reason");
            }
            case "ParticipantDeactivationReversed" -> {
                // membership publishes a suspension afterwards if arrears remain
                MembershipStatus s = upsert(p);
                s.status = "ACTIVE";
                s.reason = null;
            }
            default -> { } // other membership events say nothing about status at the door
        }
    }

    private static MembershipStatus upsert(ObjectNode p) {
        UUID participantId;
        try {
            participantId = UUID.fromString(required(p, "participantId"));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("participantId is not a UUID", e);
        }
        String nikHash = required(p, "nikHash");
        MembershipStatus s = MembershipStatus.findById(participantId);
        if (s == null) {
            s = new MembershipStatus();
            s.participantId = participantId;
            s.nikHash = nikHash;
            s.status = "ACTIVE";
            s.persist();
        }
        s.nikHash = nikHash;
        return s;
    }

    private static String required(ObjectNode p, String field) {
        String v = text(p, field);
        if (v == null || v.isBlank()) throw new PoisonMessageException("event has no " + field);
        return v;
    }

    private static String text(ObjectNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static LocalDate date(ObjectNode p, String field) {
        String v = text(p, field);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (RuntimeException e) {
            throw new PoisonMessageException(field + " is not a date: " + v, e);
        }
    }
}
