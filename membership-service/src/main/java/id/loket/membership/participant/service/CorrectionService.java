package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CorrectedField;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.projection.ParticipantIdentity;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Corrections of participant data with old and new value and their source (the full values stay here). */
@ApplicationScoped
public class CorrectionService {

    public record Correction(CorrectedField field, String newValue, String source, String evidence) {
    }

    /** What changed; a NIK is shown masked. */
    public record Corrected(UUID correctionId, UUID participantId, CorrectedField field, String oldValue, String newValue, String source) {
    }

    private final AggregateRepository aggregates;
    private final NikHasher hasher;
    private final ParticipantService participants;

    CorrectionService(AggregateRepository aggregates, NikHasher hasher, ParticipantService participants) {
        this.aggregates = aggregates;
        this.hasher = hasher;
        this.participants = participants;
    }

    @Transactional
    public Corrected correct(UUID id, Correction c) {
        ParticipantIdentity identity = ParticipantIdentity.findById(id);
        ParticipantView view = ParticipantView.findById(id);
        if (identity == null || view == null) throw new NotFound("no participant " + id);
        UUID correctionId = UUID.randomUUID();
        String old;
        String value = c.newValue().strip();
        String eventOld = null, eventNew = null, newHash = null, newLast4 = null, shownOld, shownNew;
        switch (c.field()) {
            case NAME -> {
                if (value.length() > 100) throw new InvalidField("newValue", "a name has at most 100 characters");
                old = identity.name;
                identity.name = value;
                shownOld = old;
                shownNew = value;
            }
            case BIRTH_DATE -> {
                LocalDate date;
                try {
                    date = LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    throw new InvalidField("newValue", "must be a date (YYYY-MM-DD)");
                }
                if (!Nik.parse(identity.nik, "nik", participants.today()).birthDate().equals(date)) {
                    throw new InvalidField("newValue", "does not match the birth date in the NIK (correct the NIK first)");
                }
                old = String.valueOf(identity.birthDate);
                identity.birthDate = date;
                shownOld = old;
                shownNew = value;
            }
            case NIK -> {
                Nik nik = Nik.parse(value, "newValue", participants.today());
                newHash = hasher.hash(nik.value());
                ParticipantView.byNikHash(newHash).ifPresent(other -> {
                    throw new RuleViolation("this NIK is already registered: participant " + other.participantId);
                });
                old = identity.nik;
                eventOld = view.nikHash;
                eventNew = newHash;
                newLast4 = nik.last4();
                identity.nik = nik.value();
                shownOld = NikHasher.mask(old);
                shownNew = NikHasher.mask(nik.value());
            }
            case FACILITY_CODE -> {
                if (!value.matches("[0-9A-Z]{8}")) throw new InvalidField("newValue", "must be an 8-character facility code");
                old = view.facilityCode;
                eventOld = old;
                eventNew = value;
                shownOld = old;
                shownNew = value;
            }
            default -> throw new IllegalStateException();
        }
        if (value.equals(old)) throw new RuleViolation(c.field() + " already has this value");
        Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO data_correction (correction_id, participant_id, field, old_value, new_value, source, evidence)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, correctionId).setParameter(2, id).setParameter(3, c.field().name()).setParameter(4, old)
                .setParameter(5, value).setParameter(6, c.source()).setParameter(7, c.evidence()).executeUpdate();
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.CorrectData(c.field(), newHash, newLast4, eventOld, eventNew, c.source(), correctionId));
        return new Corrected(correctionId, id, c.field(), shownOld, shownNew, c.source());
    }
}
