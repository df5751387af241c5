package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.projection.ParticipantIdentity;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.FamilyCardNumber;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Registration and look-up of participants. */
@ApplicationScoped
public class ParticipantService {

    /** Contributions and registrations follow one national calendar (DOMAIN.md). */
    public static final ZoneId JKN_ZONE = ZoneId.of("Asia/Jakarta");

    public record Registration(String nik, String name, LocalDate birthDate, Nik.Sex sex, String familyCardNumber,
                               Segment segment, CareClass careClass) {
    }

    /** What the counter sees: the read model plus the personal data held here. */
    public record ParticipantDetails(ParticipantView view, ParticipantIdentity identity) {
    }

    private final AggregateRepository aggregates;
    private final NikHasher hasher;

    ParticipantService(AggregateRepository aggregates, NikHasher hasher) {
        this.aggregates = aggregates;
        this.hasher = hasher;
    }

    @Transactional
    public ParticipantDetails register(Registration r) {
        LocalDate today = LocalDate.now(JKN_ZONE);
        Nik nik = Nik.parse(r.nik(), "nik", today);
        if (!nik.birthDate().equals(r.birthDate())) {
            throw new InvalidField("birthDate", "does not match the birth date in the NIK");
        }
        if (nik.sex() != r.sex()) {
            throw new InvalidField("sex", "does not match the NIK (women's NIK adds 40 to the birth day)");
        }
        FamilyCardNumber.validate(r.familyCardNumber(), "familyCardNumber");
        CareClass careClass = careClass(r.segment(), r.careClass());
        String nikHash = hasher.hash(nik.value());
        if (ParticipantView.byNikHash(nikHash).isPresent()) {
            throw new RuleViolation("a participant with this NIK is already registered");
        }
        UUID id = UUID.randomUUID();
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Register(id, nextCardNumber(), nikHash, nik.last4(),
                        hasher.hash(r.familyCardNumber()), nik.sex(), r.segment(), careClass, today));
        ParticipantIdentity identity = new ParticipantIdentity();
        identity.participantId = id;
        identity.nik = nik.value();
        identity.name = r.name().strip();
        identity.birthDate = r.birthDate();
        identity.familyCardNumber = r.familyCardNumber();
        identity.persist();
        return new ParticipantDetails(ParticipantView.findById(id), identity);
    }

    public ParticipantDetails get(UUID id) {
        ParticipantView view = ParticipantView.findById(id);
        if (view == null) throw new NotFound("no participant " + id);
        return new ParticipantDetails(view, ParticipantIdentity.findById(id));
    }

    /** Look-up by NIK: the number is hashed and matched on the hash; it never reaches a URL or a log. */
    public ParticipantDetails findByNik(String nik) {
        Nik parsed = Nik.parse(nik, "nik", LocalDate.now(JKN_ZONE));
        return ParticipantView.byNikHash(hasher.hash(parsed.value()))
                .map(v -> new ParticipantDetails(v, ParticipantIdentity.findById(v.participantId)))
                .orElseThrow(() -> new NotFound("no participant with this NIK"));
    }

    private static CareClass careClass(Segment segment, CareClass requested) {
        if (segment.isGovernmentPaid()) {
            if (requested != null && requested != CareClass.III) {
                throw new InvalidField("careClass", "PBI participants are in class III");
            }
            return CareClass.III;
        }
        if (segment.choosesClass() && requested == null) {
            throw new InvalidField("careClass", "is required for " + segment + " (class I, II or III)");
        }
        return requested;
    }

    private static String nextCardNumber() {
        Number n = (Number) Panache.getEntityManager()
                .createNativeQuery("SELECT nextval('card_number_seq')").getSingleResult();
        return String.format("%013d", n.longValue());
    }
}
