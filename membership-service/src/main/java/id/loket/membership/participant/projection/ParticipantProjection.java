package id.loket.membership.participant.projection;

import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.membership.participant.service.ParticipantService;
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
        ParticipantEvent decoded = codec.decode(event, ParticipantEvent.class);
        if (decoded instanceof ParticipantEvent.ParticipantRegistered r) {
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
            v.relation = r.relation() == null ? null : r.relation().name();
            v.accountId = r.accountId();
            v.employerId = r.employerId();
            v.facilityCode = r.facilityCode();
            v.status = ParticipantStatus.ACTIVE.name();
            v.statusReason = "REGISTERED";
            v.statusSince = r.registrationDate();
            v.version = event.version();
            v.updatedAt = event.recordedAt();
            v.persist();
            return;
        }
        ParticipantView v = ParticipantView.findById(decoded.participantId());
        if (v == null) return;
        switch (decoded) {
            case ParticipantEvent.ParticipantRegistered r -> {
            }
            case ParticipantEvent.ParticipantSuspended s -> {
                v.status = ParticipantStatus.SUSPENDED.name();
                v.statusReason = "ARREARS";
                v.statusSince = s.effectiveFrom();
            }
            case ParticipantEvent.ParticipantReactivated r -> {
                v.status = ParticipantStatus.ACTIVE.name();
                v.statusReason = "REACTIVATED";
                v.statusSince = r.effectiveFrom();
            }
            case ParticipantEvent.ParticipantDeactivated d -> {
                v.statusBeforeDeactivation = v.status;
                v.status = ParticipantStatus.INACTIVE.name();
                v.statusReason = d.reason().name();
                v.statusSince = d.effectiveFrom();
                v.deactivatedOn = d.effectiveFrom();
            }
            case ParticipantEvent.ParticipantDataCorrected c -> {
                v.nikHash = c.nikHash();
                if (c.nikLast4() != null) v.nikLast4 = c.nikLast4();
                if (c.field() == id.loket.membership.participant.domain.CorrectedField.FACILITY_CODE) v.facilityCode = c.newValue();
            }
            case ParticipantEvent.ParticipantDeactivationReversed r -> {
                v.status = v.statusBeforeDeactivation == null ? ParticipantStatus.ACTIVE.name() : v.statusBeforeDeactivation;
                v.statusBeforeDeactivation = null;
                v.statusReason = "DEACTIVATION_REVERSED";
                v.statusSince = event.recordedAt().atZone(ParticipantService.JKN_ZONE).toLocalDate();
                v.deactivatedOn = null;
            }
        }
        v.version = event.version();
        v.updatedAt = event.recordedAt();
    }
}
