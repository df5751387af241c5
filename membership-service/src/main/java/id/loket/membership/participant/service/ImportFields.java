package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.service.ParticipantService.Registration;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An import line's fields as typed values; a value of the wrong shape is an error naming its field. */
final class ImportFields {

    private ImportFields() {
    }

    static Registration registration(Map<String, String> f) {
        return new Registration(f.get("nik"), f.get("name"), date(f, "birthDate"), enumValue(f, "sex", Nik.Sex.class),
                f.get("familyCardNumber"), enumValue(f, "segment", Segment.class), enumValue(f, "careClass", CareClass.class),
                enumValue(f, "relation", Relation.class), wage(f), f.get("employerId"), f.get("facilityCode"),
                date(f, "registrationDate"));
    }

    /** The card number a migrated participant keeps: exactly 13 digits. */
    static String cardNumber(Map<String, String> f) {
        String cardNumber = f.get("cardNumber");
        if (cardNumber == null || !isDigits(cardNumber, 13)) throw new InvalidField("cardNumber", "must be exactly 13 digits");
        return cardNumber;
    }

    private static LocalDate date(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> f, String field, Class<E> type) {
        String v = f.get(field);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT).replace('-', '_')); // PBI-APBN as written in DOMAIN.md
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) names.add(c.name());
            throw new InvalidField(field, "must be one of " + String.join(", ", names));
        }
    }

    private static Long wage(Map<String, String> f) {
        String v = f.get("monthlyWage");
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField("monthlyWage", "must be a whole number of rupiah");
        }
    }

    private static boolean isDigits(String s, int length) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
