package id.loket.membership.demo.service;

import id.loket.membership.arrears.service.SuspensionJob;
import id.loket.membership.contribution.service.BillingRun;
import id.loket.membership.deactivation.service.DeactivationService;
import id.loket.membership.contribution.service.Ledgers;
import id.loket.membership.contribution.service.PaymentService;
import id.loket.membership.participant.domain.DeactivationReason;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantImport;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.privacy.NikHasher;
import id.loket.platform.domain.RuleViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import id.loket.membership.config.MembershipConfig;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sidoarjo demo participants for the local stack ({@code membership.demo-data=true}, environment
 * {@code LOKET_MEMBERSHIP_DEMO_DATA}), loaded at start-up through the same paths as real data: the bulk
 * import, billing runs of the last three months and the current one for the demo accounts only, payments,
 * the suspension run and death reports. Every step is idempotent; the whole load is skipped once it is
 * complete (the last step's participant is deactivated), so a restart or a second replica changes nothing.
 *
 * <p>The fixed participants named in README.md (Sidoarjo regency, district 08):
 * <ul>
 *   <li>{@link #ACTIVE_NIK} Budi Santoso, PBPU class II, head of family, paid up: ACTIVE</li>
 *   <li>{@link #TO_BE_DECEASED_NIK} Sri Wahyuni, his wife: ACTIVE, to be reported deceased at the counter</li>
 *   <li>{@link #ARREARS_NIK} Agus Prasetyo, PBPU class III, head of family, three months unpaid: SUSPENDED</li>
 *   <li>{@link #DECEASED_NIK} Siti Rahayu, reported deceased last month: INACTIVE</li>
 *   <li>{@link #PBI_NIK} Joko Susilo, PBI-APBN: ACTIVE (never suspended)</li>
 * </ul>
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    public static final String ACTIVE_NIK = "3515081505750001";
    public static final String TO_BE_DECEASED_NIK = "3515085208820002";
    public static final String ARREARS_NIK = "3515081203800003";
    public static final String DECEASED_NIK = "3515084101450004";
    public static final String PBI_NIK = "3515080707070005";

    static final String ACTIVE_FAMILY = "3515080000000001";
    static final String ARREARS_FAMILY = "3515080000000002";
    static final String DECEASED_FAMILY = "3515080000000003";
    static final int GENERATED_FAMILIES = 60;
    static final String EMPLOYER = "EMP-SDA-DEMO";

    private static final String[] GIVEN_MALE = {"Bambang", "Eko", "Hadi", "Joko", "Rudi", "Slamet", "Teguh", "Wahyu", "Dedi", "Imam"};
    private static final String[] GIVEN_FEMALE = {"Dewi", "Rina", "Ani", "Wati", "Yuni", "Indah", "Lestari", "Nur", "Fitri", "Ratna"};
    private static final String[] FAMILY = {"Santoso", "Wahyuni", "Prasetyo", "Rahayu", "Setiawan", "Susanti", "Hidayat", "Kusuma",
            "Saputra", "Handayani", "Nugroho", "Purnomo", "Wibowo", "Maharani", "Utomo", "Suryani"};

    private final boolean enabled;
    private final ParticipantImport imports;
    private final BillingRun billing;
    private final PaymentService payments;
    private final SuspensionJob suspensions;
    private final DeactivationService deactivations;
    private final Ledgers ledgers;
    private final NikHasher hasher;
    private final Clock clock;

    DemoData(MembershipConfig config, ParticipantImport imports,
             BillingRun billing, PaymentService payments, SuspensionJob suspensions, DeactivationService deactivations, Ledgers ledgers,
             NikHasher hasher, Clock clock) {
        this.enabled = config.demoData();
        this.imports = imports;
        this.billing = billing;
        this.payments = payments;
        this.suspensions = suspensions;
        this.deactivations = deactivations;
        this.ledgers = ledgers;
        this.hasher = hasher;
        this.clock = clock;
    }

    @ActivateRequestContext
    void onStart(@Observes StartupEvent ignored) {
        if (!enabled) return;
        try {
            load();
        } catch (RuntimeException e) {
            // demo data must never keep the service from starting
            LOG.error("could not load the demo data", e);
        }
    }

    /** A demo participant's line of the import file. */
    record Person(String nik, String name, LocalDate birthDate, boolean female, String familyCard, String segment,
                  String careClass, String relation, String employerId, Long wage, boolean deceased) {
    }

    /** Loads what is missing; false when the demo data was complete already. */
    @ActivateRequestContext
    public boolean load() {
        if (complete()) return false;
        LocalDate today = LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE));
        YearMonth current = YearMonth.from(today);
        List<Person> people = people();
        ParticipantImport.Report imported = imports.run(new StringReader(ndjson(people, current.minusMonths(4).atDay(1))),
                ParticipantImport.Format.NDJSON, 10);
        if (imported.rejected() > 0) LOG.warnf("demo data: %d lines rejected: %s", imported.rejected(), imported.errors());

        Set<String> accounts = new LinkedHashSet<>();
        Set<String> inArrears = new LinkedHashSet<>();
        for (Person p : people) {
            String account = ParticipantService.accountOf(Segment.valueOf(p.segment()),
                    hasher.hash(p.familyCard()), p.employerId());
            accounts.add(account);
            if (inArrears(p.familyCard())) inArrears.add(account);
        }
        for (int back = 3; back >= 0; back--) billing.runFor(current.minusMonths(back), accounts);
        for (String account : accounts) {
            if (inArrears.contains(account) || account.startsWith("government-")) continue;
            long owed = ledgers.billed(account).values().stream().mapToLong(Long::longValue).sum();
            if (owed == 0) continue;
            try {
                payments.pay(new PaymentService.Payment(account, owed, clock.instant(),
                        "DEMO-" + current + "-" + Integer.toHexString(account.hashCode())));
            } catch (RuleViolation e) {
                LOG.warnf("demo data: payment for %s not recorded: %s", account, e.getMessage()); // an earlier, partial load
            }
        }
        suspensions.runFor(today, inArrears);
        LocalDate dateOfDeath = current.minusMonths(1).atDay(15);
        for (Person p : people) {
            if (!p.deceased()) continue;
            ParticipantView v = view(p.nik());
            if (v == null || "INACTIVE".equals(v.status)) continue;
            try {
                deactivations.deactivate(v.participantId, new DeactivationService.Deactivation(DeactivationReason.DECEASED, dateOfDeath, null,
                        List.of(new DeactivationService.Document(DeactivationReason.DocumentType.DEATH_CERTIFICATE, "AKTA-DEMO-" + p.nik().substring(12)),
                                new DeactivationService.Document(DeactivationReason.DocumentType.JKN_CARD, "DEMO"),
                                new DeactivationService.Document(DeactivationReason.DocumentType.FAMILY_CARD, p.familyCard())),
                        null));
            } catch (RuleViolation e) {
                LOG.warnf("demo data: %s", e.getMessage()); // deactivated meanwhile (a second replica)
            }
        }
        LOG.infof("demo data: %d Sidoarjo participants on %d accounts (%d in arrears), registered %s",
                imported.imported(), accounts.size(), inArrears.size(), current.minusMonths(4).atDay(1));
        return true;
    }

    /** The last step's participant is deactivated: nothing left to do. */
    boolean complete() {
        ParticipantView v = view(DECEASED_NIK);
        return v != null && "INACTIVE".equals(v.status);
    }

    /** Read in a transaction of its own: a session kept by the caller's request would answer from its cache. */
    private ParticipantView view(String nik) {
        String hash = hasher.hash(nik);
        return QuarkusTransaction.requiringNew().call(() -> ParticipantView.byNikHash(hash).orElse(null));
    }

    /** Families whose contributions the demo leaves unpaid (every fifth generated one, and the documented one). */
    static boolean inArrears(String familyCard) {
        if (familyCard.equals(ARREARS_FAMILY)) return true;
        if (familyCard.equals(ACTIVE_FAMILY) || familyCard.equals(DECEASED_FAMILY)) return false;
        long f = Long.parseLong(familyCard.substring(6));
        return f >= 100 && f < 100 + GENERATED_FAMILIES && (f - 100) % 5 == 0;
    }

    /** The documented participants first, then 60 families of four, 20 workers of one employer and 40 PBI members. */
    static List<Person> people() {
        List<Person> out = new ArrayList<>();
        out.add(new Person(ACTIVE_NIK, "Budi Santoso", LocalDate.of(1975, 5, 15), false, ACTIVE_FAMILY, "PBPU", "II", "HEAD", null, null, false));
        out.add(new Person(TO_BE_DECEASED_NIK, "Sri Wahyuni", LocalDate.of(1982, 8, 12), true, ACTIVE_FAMILY, "PBPU", "II", "SPOUSE", null, null, false));
        out.add(new Person(ARREARS_NIK, "Agus Prasetyo", LocalDate.of(1980, 3, 12), false, ARREARS_FAMILY, "PBPU", "III", "HEAD", null, null, false));
        out.add(new Person(DECEASED_NIK, "Siti Rahayu", LocalDate.of(1945, 1, 1), true, DECEASED_FAMILY, "BP", "III", "HEAD", null, null, true));
        out.add(new Person(PBI_NIK, "Joko Susilo", LocalDate.of(2007, 7, 7), false, "3515080000000004", "PBI_APBN", null, null, null, null, false));
        int serial = 1000;
        for (int f = 0; f < GENERATED_FAMILIES; f++) {
            String district = two(f % 18 + 1);
            String kk = "3515" + district + String.format("%010d", 100 + f);
            String surname = FAMILY[f % FAMILY.length];
            String segment = f % 4 == 3 ? "BP" : "PBPU";
            String cls = switch (f % 3) {
                case 0 -> "III";
                case 1 -> "II";
                default -> "I";
            };
            LocalDate father = LocalDate.of(1960 + f % 30, f % 12 + 1, f % 27 + 1);
            LocalDate mother = father.plusYears(3).plusDays(40);
            out.add(person(district, ++serial, GIVEN_MALE[f % 10] + " " + surname, father, false, kk, segment, cls, "HEAD", false));
            out.add(person(district, ++serial, GIVEN_FEMALE[f % 10] + " " + surname, mother, true, kk, segment, cls, "SPOUSE", f % 12 == 7));
            out.add(person(district, ++serial, GIVEN_FEMALE[(f + 3) % 10] + " " + surname, father.plusYears(25).plusDays(f), true, kk, segment, cls, "CHILD", false));
            out.add(person(district, ++serial, GIVEN_MALE[(f + 5) % 10] + " " + surname, father.plusYears(28).plusDays(2 * f), false, kk, segment, cls, "CHILD", false));
        }
        for (int w = 0; w < 20; w++) {
            String kk = "3515" + "09" + String.format("%010d", 500 + w);
            LocalDate birth = LocalDate.of(1985 + w % 15, w % 12 + 1, w % 26 + 2);
            Person p = person("09", ++serial, GIVEN_MALE[w % 10] + " " + FAMILY[(w + 7) % FAMILY.length], birth, false, kk, "PPU_BU", null, "HEAD", false);
            out.add(new Person(p.nik(), p.name(), p.birthDate(), false, kk, "PPU_BU", null, "HEAD", EMPLOYER, 4_950_000L + w * 250_000L, false));
        }
        for (int i = 0; i < 40; i++) {
            String kk = "3515" + "11" + String.format("%010d", 700 + i / 2);
            LocalDate birth = LocalDate.of(1950 + i, i % 12 + 1, i % 25 + 1);
            boolean female = i % 2 == 1;
            out.add(person("11", ++serial, (female ? GIVEN_FEMALE : GIVEN_MALE)[i % 10] + " " + FAMILY[(i + 3) % FAMILY.length], birth, female, kk,
                    i % 3 == 0 ? "PBI_APBD" : "PBI_APBN", null, i % 2 == 0 ? "HEAD" : "SPOUSE", false));
        }
        return out;
    }

    private static Person person(String district, int serial, String name, LocalDate birth, boolean female, String kk, String segment,
                                 String careClass, String relation, boolean deceased) {
        String nik = "3515" + district + two(birth.getDayOfMonth() + (female ? 40 : 0)) + two(birth.getMonthValue())
                + two(birth.getYear() % 100) + String.format("%04d", serial);
        return new Person(nik, name, birth, female, kk, segment, careClass, relation, null, null, deceased);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /** The demo participants as an import file; card numbers 0003000000001 on, registered four months back. */
    static String ndjson(List<Person> people, LocalDate registrationDate) {
        StringBuilder sb = new StringBuilder();
        int card = 0;
        for (Person p : people) {
            sb.append("{\"nik\":\"").append(p.nik()).append("\",\"cardNumber\":\"").append(String.format("0003%09d", ++card))
                    .append("\",\"name\":\"").append(p.name()).append("\",\"birthDate\":\"").append(p.birthDate())
                    .append("\",\"sex\":\"").append(p.female() ? "FEMALE" : "MALE")
                    .append("\",\"familyCardNumber\":\"").append(p.familyCard())
                    .append("\",\"segment\":\"").append(p.segment()).append('"');
            if (p.careClass() != null) sb.append(",\"careClass\":\"").append(p.careClass()).append('"');
            if (p.relation() != null) sb.append(",\"relation\":\"").append(p.relation()).append('"');
            if (p.employerId() != null) sb.append(",\"employerId\":\"").append(p.employerId()).append('"');
            if (p.wage() != null) sb.append(",\"monthlyWage\":").append(p.wage());
            sb.append(",\"facilityCode\":\"01308001\",\"registrationDate\":\"").append(registrationDate).append("\"}\n");
        }
        return sb.toString();
    }
}
