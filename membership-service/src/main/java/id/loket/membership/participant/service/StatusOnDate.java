package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.StatusTimeline;
import id.loket.platform.domain.NotFound;
import id.loket.platform.events.EventCodec;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.events.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A participant's status on any date, from its own stream ({@link StatusTimeline}). */
@ApplicationScoped
public class StatusOnDate {

    public record StatusAnswer(UUID participantId, LocalDate asOf, String status, String reason, LocalDate since) {
    }

    private final EventStore store;
    private final EventCodec codec;

    StatusOnDate(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    public StatusAnswer statusAsOf(UUID id, LocalDate day) {
        List<ParticipantEvent> events = stream(store, id).stream().map(e -> codec.decode(e, ParticipantEvent.class)).toList();
        var at = StatusTimeline.asOf(events, day);
        if (at == null) return new StatusAnswer(id, day, "NOT_REGISTERED", null, null);
        return new StatusAnswer(id, day, at.status().name(), at.reason(), at.since());
    }

    /** The participant's stored events; 404 when there is no such participant. */
    static List<StoredEvent> stream(EventStore store, UUID id) {
        List<StoredEvent> stream = store.readStream(Participant.streamId(id));
        if (stream.isEmpty()) throw new NotFound("no participant " + id);
        return stream;
    }
}
