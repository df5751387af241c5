package id.loket.queue.screening.messaging;

import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.queue.screening.projection.MembershipStatus;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Builds the local copy of membership status that screening answers from, so the door keeps working when
 * membership-service is down. Effect-once per event id; unknown event types are skipped; each event is read into a
 * record of the fields needed here (others are ignored; one without its participant or NIK hash, or with a field of
 * the wrong type, is a poison message for the dead-letter topic).
 */
@ApplicationScoped
public class MembershipEventsConsumer {

    static final String CONSUMER = "queue.membership-status";
    private static final String TYPE = "loket.membership.";

    record ParticipantRegistered(@NotNull UUID participantId, @NotBlank String nikHash, String cardNumber,
                                 String nikLast4) {
    }

    record ParticipantSuspended(@NotNull UUID participantId, @NotBlank String nikHash, Integer monthsInArrears,
                                Long arrearsAmount, LocalDate effectiveFrom) {
    }

    record ParticipantReactivated(@NotNull UUID participantId, @NotBlank String nikHash, LocalDate effectiveFrom) {
    }

    record ParticipantDeactivated(@NotNull UUID participantId, @NotBlank String nikHash, LocalDate effectiveFrom,
                                  String reason) {
    }

    record ParticipantDeactivationReversed(@NotNull UUID participantId, @NotBlank String nikHash) {
    }

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers; // other membership events say nothing about status at the door

    MembershipEventsConsumer(IdempotentConsumer consumer) {
        this.consumer = consumer;
        this.handlers = consumer.handlers()
                .on(TYPE + "ParticipantRegistered", ParticipantRegistered.class, this::registered)
                .on(TYPE + "ParticipantSuspended", ParticipantSuspended.class, this::suspended)
                .on(TYPE + "ParticipantReactivated", ParticipantReactivated.class, this::reactivated)
                .on(TYPE + "ParticipantDeactivated", ParticipantDeactivated.class, this::deactivated)
                .on(TYPE + "ParticipantDeactivationReversed", ParticipantDeactivationReversed.class, this::reversed);
    }

    @Incoming("membership-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.process(CONSUMER, record, handlers);
    }

    void registered(ParticipantRegistered e) {
        MembershipStatus s = upsert(e.participantId(), e.nikHash());
        s.cardNumber = e.cardNumber();
        s.nikLast4 = e.nikLast4();
    }

    void suspended(ParticipantSuspended e) {
        MembershipStatus s = upsert(e.participantId(), e.nikHash());
        s.status = "SUSPENDED";
        s.monthsInArrears = e.monthsInArrears() == null ? 0 : e.monthsInArrears();
        s.arrearsAmount = e.arrearsAmount();
        s.effectiveFrom = e.effectiveFrom();
        s.reason = null;
    }

    void reactivated(ParticipantReactivated e) {
        MembershipStatus s = upsert(e.participantId(), e.nikHash());
        s.status = "ACTIVE";
        s.monthsInArrears = 0;
        s.arrearsAmount = null;
        s.effectiveFrom = e.effectiveFrom();
        s.reason = null;
    }

    void deactivated(ParticipantDeactivated e) {
        MembershipStatus s = upsert(e.participantId(), e.nikHash());
        s.status = "INACTIVE";
        s.effectiveFrom = e.effectiveFrom();
        s.reason = e.reason();
    }

    /** membership publishes a suspension afterwards if arrears remain. */
    void reversed(ParticipantDeactivationReversed e) {
        MembershipStatus s = upsert(e.participantId(), e.nikHash());
        s.status = "ACTIVE";
        s.reason = null;
    }

    private static MembershipStatus upsert(UUID participantId, String nikHash) {
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
}
