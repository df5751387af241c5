package id.loket.membership.participant.projection;

import id.loket.membership.participant.domain.CorrectedField;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.eventstore.EventStoreException;
import id.loket.platform.projection.EventProjection;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps participant_view in step with the participant streams; every value comes from the event or its envelope.
 *
 * <p>Registrations that come together (an import chunk's thousand, a rebuild chunk) are inserted with one
 * statement; the other events update their participant's row one by one, in order.
 */
@ApplicationScoped
public class ParticipantProjection implements EventProjection<ParticipantEvent> {

    private static final String INSERT_ROWS = """
            INSERT INTO participant_view (participant_id, card_number, nik_hash, nik_last4, family_card_hash, sex, segment,
                   care_class, registration_date, status, status_reason, status_since, version, updated_at, relation,
                   account_id, employer_id, facility_code)
            SELECT id, card, nik_hash, nik_last4, family, sex, segment, care_class, registered, 'ACTIVE', 'REGISTERED', registered,
                   version, recorded_at, relation, account, employer, facility
              FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[],
                          ?::int8[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[])
                AS r(id, card, nik_hash, nik_last4, family, sex, segment, care_class, registered, version, recorded_at, relation,
                     account, employer, facility)""";

    private final AgroalDataSource dataSource;

    ParticipantProjection(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
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
    public Class<ParticipantEvent> family() {
        return ParticipantEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<ParticipantEvent>> events) {
        List<EventEnvelope<ParticipantEvent>> registered = new ArrayList<>();
        for (EventEnvelope<ParticipantEvent> e : events) {
            if (e.event() instanceof ParticipantRegistered) {
                registered.add(e);
                continue;
            }
            insert(registered); // a later event of the same participant must find its row
            update(e);
        }
        insert(registered);
    }

    private void update(EventEnvelope<ParticipantEvent> e) {
        ParticipantView v = ParticipantView.findById(e.event().participantId());
        if (v == null) return;
        switch (e.event()) {
            case ParticipantRegistered r -> {
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
                if (c.field() == CorrectedField.FACILITY_CODE) v.facilityCode = c.newValue();
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
                v.statusSince = e.recordedAt().atZone(ParticipantService.JKN_ZONE).toLocalDate();
                v.deactivatedOn = null;
            }
        }
        v.version = e.version();
        v.updatedAt = e.recordedAt();
    }

    /** The new participants' rows with one statement, on the append's connection (enlisted in its transaction). */
    private void insert(List<EventEnvelope<ParticipantEvent>> registered) {
        if (registered.isEmpty()) return;
        int n = registered.size();
        Object[][] columns = new Object[15][n];
        for (int i = 0; i < n; i++) {
            EventEnvelope<ParticipantEvent> e = registered.get(i);
            ParticipantRegistered r = (ParticipantRegistered) e.event();
            Object[] row = {r.participantId(), r.cardNumber(), r.nikHash(), r.nikLast4(), r.familyCardHash(), r.sex().name(),
                    r.segment().name(), r.careClass() == null ? null : r.careClass().name(), r.registrationDate().toString(),
                    e.version(), e.recordedAt().toString(), r.relation() == null ? null : r.relation().name(), r.accountId(),
                    r.employerId(), r.facilityCode()};
            for (int c = 0; c < row.length; c++) columns[c][i] = row[c];
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_ROWS)) {
            for (int col = 0; col < columns.length; col++) {
                String type = col == 0 ? "uuid" : col == 9 ? "int8" : "text";
                ps.setArray(col + 1, c.createArrayOf(type, columns[col]));
            }
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw new EventStoreException("could not write " + n + " participant rows", ex);
        }
        registered.clear();
    }
}
