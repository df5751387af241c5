package id.loket.platform.jkn;

import id.loket.platform.domain.InvalidField;

/** Kartu Keluarga number: 16 digits. */
public final class FamilyCardNumber {

    private FamilyCardNumber() {
    }

    public static String validate(String value, String field) {
        if (value == null || !value.matches("\\d{16}")) throw new InvalidField(field, "must be exactly 16 digits");
        return value;
    }
}
