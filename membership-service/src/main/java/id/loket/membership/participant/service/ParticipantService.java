package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.projection.ParticipantIdentity;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.jkn.FamilyCardNumber;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Registration and look-up of participants and families. */
@ApplicationScoped
public class ParticipantService {

    /** Contributions and registrations follow one national calendar (DOMAIN.md). */
    public static final ZoneId JKN_ZONE = ZoneId.of("Asia/Jakarta");

    public record Registration(String nik, String name, LocalDate birthDate, Nik.Sex sex, String familyCardNumber,
                               Segment segment, CareClass careClass, Relation relation, Long monthlyWage,
                               String employerId, String facilityCode, LocalDate registrationDate) {
    }

    /** What the counter sees: the read model plus the personal data held here. */
    public record ParticipantDetails(ParticipantView view, ParticipantIdentity identity) {
    }

    private final AggregateRepository aggregates;
    private final NikHasher hasher;
    private final Clock clock;

    ParticipantService(AggregateRepository aggregates, NikHasher hasher, Clock clock) {
        this.aggregates = aggregates;
        this.hasher = hasher;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(JKN_ZONE));
    }

    /** The account that pays for a participant: the family (PBPU/BP), the employer (PPU), the government (PBI). */
    public static String accountOf(Segment segment, String familyCardHash, String employerId) {
        if (segment.isGovernmentPaid()) return "government-" + segment;
        if (segment.choosesClass()) return "family-" + familyCardHash;
        return "employer-" + employerId;
    }

    @Transactional
    public ParticipantDetails register(Registration r) {
        RegistrationRules.Checked checked = RegistrationRules.check(r, today(), RegistrationRules.Mode.COUNTER);
        Nik nik = checked.nik();
        String nikHash = hasher.hash(nik.value());
        String familyHash = hasher.hash(r.familyCardNumber());
        UUID id = UUID.randomUUID();
        Participant.Holder nikHolder = ParticipantView.byNikHash(nikHash).map(v -> Participant.Holder.registered(v.participantId, v.cardNumber))
                .orElseGet(() -> reserveNik(id, nik.value(), r));
        Participant.Holder head = r.relation() != Relation.HEAD ? null
                : ParticipantView.<ParticipantView>find("familyCardHash = ?1 and relation = 'HEAD'", familyHash).firstResultOptional()
                .map(v -> Participant.Holder.registered(v.participantId, v.cardNumber)).orElse(null);
        aggregates.create(Participant.streamId(id), Participant.DECIDER,
                new Participant.Command.Register(id, nextCardNumber(), nikHash, nik.last4(), familyHash, nik.sex(), r.segment(),
                        checked.careClass(), checked.registrationDate(), r.relation(), accountOf(r.segment(), familyHash, r.employerId()),
                        r.employerId(), r.facilityCode(), new Participant.Others(nikHolder, null, head)));
        return new ParticipantDetails(ParticipantView.findById(id), ParticipantIdentity.findById(id));
    }

    /** A new member of an existing family (the family card is already known here). */
    @Transactional
    public ParticipantDetails addFamilyMember(Registration r) {
        FamilyCardNumber.validate(r.familyCardNumber(), "familyCardNumber");
        if (r.relation() == null) throw new InvalidField("relation", "is required for a family member");
        if (r.relation() == Relation.HEAD) throw new InvalidField("relation", "a member added to a family is not its head");
        if (ParticipantView.count("familyCardHash", hasher.hash(r.familyCardNumber())) == 0) {
            throw new NotFound("no family with this family card number");
        }
        return register(r);
    }

    /**
     * The unique NIK row is written first, in this transaction: a concurrent registration of the same NIK
     * waits on it and then finds the winner, who then holds the NIK (null: reserved for {@code id}).
     */
    private static Participant.Holder reserveNik(UUID id, String nik, Registration r) {
        int inserted = Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO participant_identity (participant_id, nik, name, birth_date, family_card_number, monthly_wage)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (nik) DO NOTHING""")
                .setParameter(1, id).setParameter(2, nik).setParameter(3, r.name().strip()).setParameter(4, r.birthDate())
                .setParameter(5, r.familyCardNumber()).setParameter(6, r.monthlyWage()).executeUpdate();
        if (inserted == 1) return null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT i.participant_id, v.card_number FROM participant_identity i
                          LEFT JOIN participant_view v ON v.participant_id = i.participant_id WHERE i.nik = ?1""")
                .setParameter(1, nik).getResultList();
        Object[] row = rows.isEmpty() ? new Object[]{null, null} : rows.getFirst();
        return Participant.Holder.registered((UUID) row[0], (String) row[1]);
    }

    public ParticipantDetails get(UUID id) {
        ParticipantView view = ParticipantView.findById(id);
        if (view == null) throw new NotFound("no participant " + id);
        return new ParticipantDetails(view, ParticipantIdentity.findById(id));
    }

    /** Look-up by NIK: the number is hashed and matched on the hash; it never reaches a URL or a log. */
    public ParticipantDetails findByNik(String nik) {
        Nik parsed = Nik.parse(nik, "nik", today());
        return ParticipantView.byNikHash(hasher.hash(parsed.value()))
                .map(v -> new ParticipantDetails(v, ParticipantIdentity.findById(v.participantId)))
                .orElseThrow(() -> new NotFound("no participant with this NIK"));
    }

    public ParticipantDetails findByCardNumber(String cardNumber) {
        if (cardNumber == null || !cardNumber.matches("\\d{13}")) throw new InvalidField("cardNumber", "must be exactly 13 digits");
        return ParticipantView.byCardNumber(cardNumber)
                .map(v -> new ParticipantDetails(v, ParticipantIdentity.findById(v.participantId)))
                .orElseThrow(() -> new NotFound("no participant with this card number"));
    }

    /** The family id is the keyed hash of its card number (the KK itself stays out of URLs). */
    public String familyIdOf(String familyCardNumber) {
        FamilyCardNumber.validate(familyCardNumber, "familyCardNumber");
        return hasher.hash(familyCardNumber);
    }

    public List<ParticipantDetails> family(String familyId) {
        // no family id holds a control character, and PostgreSQL refuses a NUL in a query (a 500, not a 404)
        if (familyId.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such family");
        List<ParticipantView> members = ParticipantView.family(familyId);
        if (members.isEmpty()) throw new NotFound("no family " + familyId);
        return members.stream().map(v -> new ParticipantDetails(v, ParticipantIdentity.findById(v.participantId))).toList();
    }

    /** The next card number not already held (imported participants keep theirs, which may lie in the sequence's range). */
    private static String nextCardNumber() {
        while (true) {
            Number n = (Number) Panache.getEntityManager()
                    .createNativeQuery("SELECT nextval('card_number_seq')").getSingleResult();
            String card = String.format("%013d", n.longValue());
            if (ParticipantView.byCardNumber(card).isEmpty()) return card;
        }
    }
}
