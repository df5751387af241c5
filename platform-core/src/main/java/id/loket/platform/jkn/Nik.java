package id.loket.platform.jkn;

import id.loket.platform.domain.InvalidField;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The Nomor Induk Kependudukan (16 digits): region code (6), birth date DDMMYY where women add 40 to the
 * day, serial (4, at least 0001). There is no check digit; what can be checked is checked here.
 * Personal data: never log it whole, never put it in a URL, a Kafka key or an event.
 */
public record Nik(String value, String regionCode, LocalDate birthDate, Sex sex, String serial) {

    public enum Sex { MALE, FEMALE }

    /**
     * Parses and validates a NIK.
     *
     * @param today the branch's business date: a two-digit year means the latest such date not after it
     * @throws InvalidField naming {@code field} when the number is not a possible NIK
     */
    public static Nik parse(String value, String field, LocalDate today) {
        if (value == null || !value.matches("\\d{16}")) {
            throw new InvalidField(field, "must be exactly 16 digits");
        }
        String region = value.substring(0, 6);
        if (region.startsWith("00")) throw new InvalidField(field, "region code " + region.substring(0, 2) + " is not a province");
        int day = Integer.parseInt(value.substring(6, 8));
        int month = Integer.parseInt(value.substring(8, 10));
        int yy = Integer.parseInt(value.substring(10, 12));
        String serial = value.substring(12);
        if (serial.equals("0000")) throw new InvalidField(field, "serial number 0000 is not issued");
        Sex sex = day > 40 ? Sex.FEMALE : Sex.MALE;
        int realDay = day > 40 ? day - 40 : day;
        LocalDate birth;
        try {
            int century = today.getYear() / 100 * 100;
            birth = LocalDate.of(century + yy, month, realDay);
            if (birth.isAfter(today)) birth = birth.minusYears(100);
        } catch (DateTimeException e) {
            throw new InvalidField(field, "digits 7-12 are not a real birth date (DDMMYY, women +40 on the day)");
        }
        return new Nik(value, region, birth, sex, serial);
    }

    public String last4() {
        return value.substring(12);
    }

    @Override
    public String toString() {
        return "Nik[************" + last4() + "]"; // never the whole number, whoever prints it
    }
}
