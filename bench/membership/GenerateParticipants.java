import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes an NDJSON import file of N existing Sidoarjo participants, deterministic (the same N gives the same
 * file): valid, unique NIKs (region 3515xx, birth date with women's day + 40, serial), families of four
 * (head, spouse, two children) sharing a family card, a mix of segments (PBPU/BP by class, PPU workers of a
 * few hundred employers, PBI), card numbers from 0001000000000 on (outside the range the service draws from)
 * and registration dates in the past.
 *
 * <p>Run with the source launcher: {@code java GenerateParticipants.java <lines> <file>}.
 */
public class GenerateParticipants {

    static final String[] GIVEN = {"Siti", "Budi", "Dewi", "Agus", "Sri", "Eko", "Rina", "Hadi", "Ani", "Joko", "Wati", "Bambang",
            "Nur", "Rudi", "Lestari", "Slamet", "Yuni", "Teguh", "Indah", "Wahyu"};
    static final String[] FAMILY = {"Aminah", "Santoso", "Wahyuni", "Prasetyo", "Rahayu", "Setiawan", "Susanti", "Hidayat",
            "Kusuma", "Saputra", "Handayani", "Nugroho", "Lestari", "Purnomo", "Maharani", "Wibowo"};
    static final LocalDate OLDEST = LocalDate.of(1940, 1, 1);
    static final LocalDate REGISTERED_FROM = LocalDate.of(2020, 1, 2);

    public static void main(String[] args) throws IOException {
        long n = Long.parseLong(args[0]);
        Path out = Path.of(args[1]);
        StringBuilder sb = new StringBuilder(512);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (long i = 0; i < n; i++) {
                sb.setLength(0);
                line(i, sb);
                w.append(sb).append('\n');
            }
        }
    }

    static void line(long i, StringBuilder sb) {
        long family = i / 4;
        int member = (int) (i % 4);
        int serial = (int) (i % 9999) + 1;
        long group = i / 9999;                                   // < 100 for a million lines
        // For one serial, each group gets another birth date, so (date, serial) and the NIK are unique.
        LocalDate birth = OLDEST.plusDays((group * 97 + serial * 13L) % 29_000);
        boolean female = member == 1 ? family % 2 == 0 : (member == 0 ? family % 2 == 1 : serial % 2 == 0);
        int district = (int) (family % 18) + 1;
        String nik = "3515" + two(district) + two(birth.getDayOfMonth() + (female ? 40 : 0)) + two(birth.getMonthValue())
                + two(birth.getYear() % 100) + String.format("%04d", serial);
        String kk = "3515" + two(district) + String.format("%010d", family);
        String card = String.format("0001%09d", i);
        String relation = switch (member) {
            case 0 -> "HEAD";
            case 1 -> "SPOUSE";
            default -> "CHILD";
        };
        LocalDate registered = REGISTERED_FROM.plusDays(family % 1_500);
        sb.append("{\"nik\":\"").append(nik)
                .append("\",\"cardNumber\":\"").append(card)
                .append("\",\"name\":\"").append(GIVEN[(int) (i % GIVEN.length)]).append(' ').append(FAMILY[(int) (family % FAMILY.length)])
                .append("\",\"birthDate\":\"").append(birth)
                .append("\",\"sex\":\"").append(female ? "FEMALE" : "MALE")
                .append("\",\"familyCardNumber\":\"").append(kk)
                .append("\",\"relation\":\"").append(relation);
        switch ((int) (family % 10)) {
            case 0, 1 -> sb.append("\",\"segment\":\"PBI_APBN");
            case 2 -> sb.append("\",\"segment\":\"PBI_APBD");
            case 3, 4 -> {
                sb.append("\",\"segment\":\"PPU_BU\",\"employerId\":\"EMP-SDA-").append(family % 400);
                if (member == 0) sb.append("\",\"monthlyWage\":\"").append(4_950_000 + (family % 50) * 150_000);
            }
            case 5 -> sb.append("\",\"segment\":\"BP\",\"careClass\":\"II");
            default -> sb.append("\",\"segment\":\"PBPU\",\"careClass\":\"").append(family % 3 == 0 ? "I" : "III");
        }
        sb.append("\",\"facilityCode\":\"0").append(1300 + district).append("001")
                .append("\",\"registrationDate\":\"").append(registered).append("\"}");
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
