package id.loket.membership.deactivation.projection;

import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.projection.EventProjection;
import id.loket.platform.eventstore.EventStoreException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The supervisors' work list: every deactivation and reversal request with its status (PENDING, APPROVED,
 * REJECTED) and who decided. The approver of an approved request is the actor of the ParticipantDeactivated /
 * ParticipantDeactivationReversed event (its payload is the cross-service contract and stays as it was).
 */
@ApplicationScoped
public class DeactivationRequestProjection implements EventProjection<ParticipantEvent.FourEyes> {

    private final AgroalDataSource dataSource;

    DeactivationRequestProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return "deactivation_requests";
    }

    @Override
    public List<String> tables() {
        return List.of("deactivation_request");
    }

    @Override
    public Class<ParticipantEvent.FourEyes> family() {
        return ParticipantEvent.FourEyes.class;
    }

    @Override
    public void apply(List<EventEnvelope<ParticipantEvent.FourEyes>> events) {
        for (EventEnvelope<ParticipantEvent.FourEyes> e : events) apply(e);
    }

    private void apply(EventEnvelope<ParticipantEvent.FourEyes> event) {
        String actor = event.metadata() == null ? null : event.metadata().actor();
        switch (event.event()) {
            case ParticipantEvent.ParticipantDeactivationRequested r -> insert(r.requestId(), r.participantId(), "DEACTIVATION",
                    r.reason().name(), r.effectiveFrom(), r.complaintReference(),
                    r.documents().stream().map(Enum::name).collect(Collectors.joining(",")), r.requestedBy(), event);
            case ParticipantEvent.ParticipantDeactivationReversalRequested r -> insert(r.requestId(), r.participantId(), "REVERSAL",
                    r.reason(), null, null, null, r.requestedBy(), event);
            case ParticipantEvent.ParticipantDeactivationRejected r -> decide(r.participantId(), "DEACTIVATION", "REJECTED", r.rejectedBy(), r.reason(), event);
            case ParticipantEvent.ParticipantDeactivationReversalRejected r -> decide(r.participantId(), "REVERSAL", "REJECTED", r.rejectedBy(), r.reason(), event);
            case ParticipantEvent.ParticipantDeactivated d -> decide(d.participantId(), "DEACTIVATION", "APPROVED", actor, null, event);
            case ParticipantEvent.ParticipantDeactivationReversed r -> decide(r.participantId(), "REVERSAL", "APPROVED", actor, null, event);
        }
    }

    private void insert(UUID requestId, UUID participantId, String kind, String reason, LocalDate effectiveFrom,
                        String complaintReference, String documentTypes, String requestedBy, EventEnvelope<ParticipantEvent.FourEyes> event) {
        update("""
                INSERT INTO deactivation_request (request_id, participant_id, kind, status, reason, effective_from,
                       complaint_reference, document_types, requested_by, requested_at)
                VALUES (?, ?, ?, 'PENDING', ?, CAST(? AS date), ?, ?, ?, ?)""", requestId, participantId, kind, reason,
                effectiveFrom == null ? null : effectiveFrom.toString(), complaintReference, documentTypes, requestedBy,
                event.recordedAt().atOffset(ZoneOffset.UTC));
    }

    /** At most one request of a participant is pending (the aggregate's rule), so the participant names it. */
    private void decide(UUID participantId, String kind, String status, String by, String reason, EventEnvelope<ParticipantEvent.FourEyes> event) {
        update("""
                UPDATE deactivation_request SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?
                 WHERE participant_id = ? AND kind = ? AND status = 'PENDING'""",
                status, by, event.recordedAt().atOffset(ZoneOffset.UTC), reason, participantId, kind);
    }

    /** In the append's transaction (the data source's connection is enlisted in it). */
    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) ps.setNull(i + 1, Types.VARCHAR); // the date column casts its parameter
                else ps.setObject(i + 1, v);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException("could not update the deactivation request list", e);
        }
    }
}
