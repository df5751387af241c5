package id.loket.membership.participant.projection;

import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.eventstore.EventStoreException;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.projection.Projection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;

import java.util.List;

/**
 * Keeps participant_view in step with the participant streams; every value comes from the event.
 *
 * <p>A bulk load (the import) asks for its transaction's registrations to be collected ({@link #collectRows()})
 * and written with one statement that reads them from the stored events ({@link #writeCollected()}), instead of
 * decoding each event and persisting an entity: that per-participant work was most of an import's CPU. Whatever
 * is still collected is written before the transaction commits. Rebuilds and single appends take the usual path.
 */
@ApplicationScoped
public class ParticipantProjection implements Projection {

    private static final Object COLLECTED = new Object();
    private static final String REGISTERED = "ParticipantRegistered";
    // The rows straight from the stored events (the same values apply() takes from a decoded event; only for the
    // current schema version, so no upcasting is needed).
    private static final String INSERT_ROWS = """
            INSERT INTO participant_view (participant_id, card_number, nik_hash, nik_last4, family_card_hash, sex, segment,
                   care_class, registration_date, status, status_reason, status_since, version, updated_at, relation,
                   account_id, employer_id, facility_code)
            SELECT (p->>'participantId')::uuid, p->>'cardNumber', p->>'nikHash', p->>'nikLast4', p->>'familyCardHash',
                   p->>'sex', p->>'segment', p->>'careClass', (p->>'registrationDate')::date, 'ACTIVE', 'REGISTERED',
                   (p->>'registrationDate')::date, e.version, e.recorded_at, p->>'relation', p->>'accountId',
                   p->>'employerId', p->>'facilityCode'
              FROM event_store e CROSS JOIN LATERAL (SELECT e.payload AS p) x
             WHERE e.position = ANY(?::int8[]) AND e.event_type = 'ParticipantRegistered'
            """;

    private final EventCodec codec;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    ParticipantProjection(EventCodec codec, AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.codec = codec;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** From now until {@link #writeCollected()} (or the commit), new participants of this transaction are collected. */
    public void collectRows() {
        if (transactions.getResource(COLLECTED) != null) return;
        List<Long> positions = new ArrayList<>();
        transactions.putResource(COLLECTED, positions);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                write(positions);
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** Writes the collected rows now, with one statement. */
    public void writeCollected() {
        @SuppressWarnings("unchecked")
        List<Long> positions = (List<Long>) transactions.getResource(COLLECTED);
        if (positions != null) write(positions);
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
        if (REGISTERED.equals(event.type()) && event.schemaVersion() == codec.currentVersion(REGISTERED)) {
            @SuppressWarnings("unchecked")
            List<Long> collecting = transactions.getTransactionStatus() == Status.STATUS_ACTIVE
                    ? (List<Long>) transactions.getResource(COLLECTED) : null;
            if (collecting != null) {
                collecting.add(event.position());
                return;
            }
        }
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
            case ParticipantEvent.ParticipantDeactivationRequested r -> {
            }
            case ParticipantEvent.ParticipantDeactivationRejected r -> {
            }
            case ParticipantEvent.ParticipantDeactivationReversalRequested r -> {
            }
            case ParticipantEvent.ParticipantDeactivationReversalRejected r -> {
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

    private void write(List<Long> positions) {
        if (positions.isEmpty()) return;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ROWS)) {
            ps.setArray(1, c.createArrayOf("int8", positions.toArray()));
            int written = ps.executeUpdate();
            if (written != positions.size()) throw new IllegalStateException(written + " participant rows for " + positions.size() + " events");
        } catch (SQLException e) {
            throw new EventStoreException("could not write " + positions.size() + " participant rows", e);
        }
        positions.clear();
    }
}
