package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.service.ParticipantService.Registration;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.jkn.FamilyCardNumber;
import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules a registration must pass, the same for the counter and for a bulk import. The one difference
 * (DOMAIN.md): a birth date or sex that contradicts the NIK is a 400 at the counter, but only a warning on
 * import, because old records are imperfect. Rules that need the database (a NIK already registered, a
 * second head of family) are checked by the callers.
 */
public final class RegistrationRules {

    public enum Mode { COUNTER, IMPORT }

    public record Warning(String field, String message) {
    }

    /** A registration that passed: the parsed NIK, the class that applies, the registration date and any warnings. */
    public record Checked(Nik nik, CareClass careClass, LocalDate registrationDate, List<Warning> warnings) {
    }

    private static final Pattern EMPLOYER = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern FACILITY = Pattern.compile("[0-9A-Z]{8}");
    static final int NAME_MAX = 100;

    private RegistrationRules() {
    }

    /** @throws InvalidField naming the first field that breaks a rule */
    public static Checked check(Registration r, LocalDate today, Mode mode) {
        Nik nik = Nik.parse(r.nik(), "nik", today);
        if (r.name() == null || r.name().isBlank()) throw new InvalidField("name", "must not be blank");
        if (r.name().strip().length() > NAME_MAX) throw new InvalidField("name", "must be at most " + NAME_MAX + " characters");
        if (r.birthDate() == null) throw new InvalidField("birthDate", "must not be null");
        if (r.birthDate().isAfter(today)) throw new InvalidField("birthDate", "must not be in the future");
        if (r.sex() == null) throw new InvalidField("sex", "must not be null");
        List<Warning> warnings = new ArrayList<>(0);
        if (!nik.birthDate().equals(r.birthDate())) {
            mismatch(mode, warnings, "birthDate", "does not match the birth date in the NIK");
        }
        if (nik.sex() != r.sex()) {
            mismatch(mode, warnings, "sex", "does not match the NIK (women's NIK adds 40 to the birth day)");
        }
        FamilyCardNumber.validate(r.familyCardNumber(), "familyCardNumber");
        if (r.segment() == null) throw new InvalidField("segment", "must not be null");
        CareClass careClass = careClass(r.segment(), r.careClass());
        if (r.monthlyWage() != null && r.monthlyWage() <= 0) throw new InvalidField("monthlyWage", "must be greater than 0");
        if (r.employerId() != null && !EMPLOYER.matcher(r.employerId()).matches()) {
            throw new InvalidField("employerId", "must be 1-40 letters, digits or dashes");
        }
        if (r.facilityCode() != null && !FACILITY.matcher(r.facilityCode()).matches()) {
            throw new InvalidField("facilityCode", "must be an 8-character facility code");
        }
        boolean ppu = r.segment() == Segment.PPU_PN || r.segment() == Segment.PPU_BU;
        if (ppu && (r.employerId() == null || r.employerId().isBlank())) {
            throw new InvalidField("employerId", "is required for " + r.segment());
        }
        if (!ppu && (r.employerId() != null || r.monthlyWage() != null)) {
            throw new InvalidField(r.employerId() != null ? "employerId" : "monthlyWage", "applies to PPU segments only");
        }
        if (ppu && (r.relation() == null || r.relation() == Relation.HEAD) && r.monthlyWage() == null) {
            throw new InvalidField("monthlyWage", "is required for the PPU wage earner");
        }
        LocalDate registrationDate = r.registrationDate() == null ? today : r.registrationDate();
        if (registrationDate.isAfter(today)) throw new InvalidField("registrationDate", "must not be in the future");
        if (registrationDate.isBefore(r.birthDate())) throw new InvalidField("registrationDate", "is before the birth date");
        return new Checked(nik, careClass, registrationDate, warnings);
    }

    private static void mismatch(Mode mode, List<Warning> warnings, String field, String message) {
        if (mode == Mode.COUNTER) throw new InvalidField(field, message);
        warnings.add(new Warning(field, message + "; accepted as given"));
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
}
