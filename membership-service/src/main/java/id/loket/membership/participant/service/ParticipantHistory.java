package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CorrectedField;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.eventstore.EventStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The participant's events in order, each with a sentence a frontliner can read. */
@ApplicationScoped
public class ParticipantHistory {

    public record HistoryEntry(long version, String type, Instant recordedAt, String summary, Object data) {
    }

    private final EventStore store;
    private final EventCodec codec;

    ParticipantHistory(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    public List<HistoryEntry> history(UUID id) {
        return StatusOnDate.stream(store, id).stream().map(e -> {
            ParticipantEvent p = codec.decode(e, ParticipantEvent.class);
            return new HistoryEntry(e.version(), e.type(), e.recordedAt(), summary(p), p);
        }).toList();
    }

    static String summary(ParticipantEvent e) {
        return switch (e) {
            case ParticipantEvent.ParticipantRegistered r -> "Registered as " + r.segment()
                    + (r.careClass() == null ? "" : " class " + r.careClass()) + " on " + r.registrationDate()
                    + ", card " + r.cardNumber();
            case ParticipantEvent.ParticipantSuspended s -> "Suspended from " + s.effectiveFrom() + ": "
                    + s.monthsInArrears() + " month(s) unpaid on account " + s.accountId()
                    + (s.arrearsAmount() == null ? "" : ", Rp " + s.arrearsAmount());
            case ParticipantEvent.ParticipantReactivated r -> "Active again from " + r.effectiveFrom() + " (arrears paid)";
            case ParticipantEvent.ParticipantDeactivated d -> "Deactivated (" + d.reason() + ") as of " + d.effectiveFrom()
                    + (d.complaintReference() == null ? "" : ", complaint " + d.complaintReference());
            case ParticipantEvent.ParticipantDeactivationReversed r -> "Deactivation reversed: " + r.reason();
            case ParticipantEvent.ParticipantDeactivationRequested r -> "Deactivation (" + r.reason() + ") as of "
                    + r.effectiveFrom() + " requested by " + r.requestedBy() + ", request " + r.requestId();
            case ParticipantEvent.ParticipantDeactivationRejected r -> "Deactivation request " + r.requestId()
                    + " rejected by " + r.rejectedBy() + ": " + r.reason();
            case ParticipantEvent.ParticipantDeactivationReversalRequested r -> "Reversal requested by " + r.requestedBy()
                    + ", request " + r.requestId() + ": " + r.reason();
            case ParticipantEvent.ParticipantDeactivationReversalRejected r -> "Reversal request " + r.requestId()
                    + " rejected by " + r.rejectedBy() + ": " + r.reason();
            case ParticipantEvent.ParticipantDataCorrected c -> "Corrected " + c.field() + " (source " + c.source() + ")"
                    + (c.field() == CorrectedField.FACILITY_CODE ? ": " + c.oldValue() + " -> " + c.newValue() : "");
        };
    }
}
