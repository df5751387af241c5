package id.loket.membership.participant.projection;

import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.platform.eventstore.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Keeps participant_view in step with the participant streams; every value comes from the event. */
@ApplicationScoped
public class ParticipantProjection implements Projection {

    private final EventCodec codec;

    ParticipantProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public String name() {
        return "participants";
    }

    @Override
    public List<String> tables() {
        return List.of("participant_view");
    }

    @Override
    public void apply(StoredEvent event) {
        if (!event.streamId().startsWith("participant-")) return;
        switch (codec.decode(event, ParticipantEvent.class)) {
            case ParticipantEvent.ParticipantRegistered r -> {
                ParticipantView v = new ParticipantView();
                v.participantId = r.participantId();
                v.cardNumber = r.cardNumber();
                v.nikHash = r.nikHash();
                v.nikLast4 = r.nikLast4();
                v.familyCardHash = r.familyCardHash();
                v.sex = r.sex().name();
                v.segment = r.segment().name();
                v.careClass = r.careClass() == null ? null : r.careClass().name();
                v.registrationDate = r.registrationDate();
                v.status = ParticipantStatus.ACTIVE.name();
                v.version = event.version();
                v.updatedAt = event.recordedAt();
                v.persist();
            }
        }
    }
}
