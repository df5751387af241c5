package id.loket.system.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static id.loket.system.faults.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * membership-service's side of a fault test: PBPU families (class III) registered three months ago, so that
 * billing runs leave them in arrears, and payments to their family account.
 */
final class Families {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    /** NIK serials: unique in the test JVM (its PostgreSQL is new). */
    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    record Family(String accountId, List<String> participantIds) {
    }

    private Families() {
    }

    static YearMonth thisMonth() {
        return YearMonth.now(JAKARTA);
    }

    /** A head of family (man born 12 March 1985) and, with {@code spouse}, his wife, on one family account. */
    static Family register(String membershipUrl, boolean spouse) {
        int serial = SERIAL.incrementAndGet();
        String familyCard = "351508010185" + String.format("%04d", serial);
        String registered = thisMonth().minusMonths(3).atDay(1).toString();
        JsonNode head = Api.post(membershipUrl + "/participants", obj("nik", "351508120385" + String.format("%04d", serial),
                "name", "Kepala Keluarga " + serial, "birthDate", "1985-03-12", "sex", "MALE", "familyCardNumber", familyCard,
                "segment", "PBPU", "careClass", "III", "relation", "HEAD", "registrationDate", registered)).expect(201);
        List<String> ids = new ArrayList<>(List.of(head.path("id").asText()));
        if (spouse) {
            JsonNode wife = Api.post(membershipUrl + "/families/members", obj("nik", "351508450687" + String.format("%04d", SERIAL.incrementAndGet()),
                    "name", "Istri " + serial, "birthDate", "1987-06-05", "sex", "FEMALE", "familyCardNumber", familyCard,
                    "segment", "PBPU", "careClass", "III", "relation", "SPOUSE", "registrationDate", registered)).expect(201);
            assertThat(wife.path("accountId").asText()).isEqualTo(head.path("accountId").asText());
            ids.add(wife.path("id").asText());
        }
        return new Family(head.path("accountId").asText(), List.copyOf(ids));
    }

    /**
     * Bills the three months before this one (for every account: a billing run bills each account once a
     * month) and runs today's suspension: families that never paid are suspended.
     */
    static void billAndSuspend(String membershipUrl) {
        for (int back = 3; back >= 1; back--) {
            Api.post(membershipUrl + "/billing-runs", obj("month", thisMonth().minusMonths(back).toString())).expect(200);
        }
        Api.post(membershipUrl + "/admin/suspension-runs", obj("date", LocalDate.now(JAKARTA).toString())).expect(200);
    }

    /** A payment with the channel's reference; paid a moment ago (paidAt must not be in the future). */
    static Api.Answer pay(String membershipUrl, String accountId, long amount, Instant paidAt, String reference,
                          String correlationId) {
        return Api.post(membershipUrl + "/payments", obj("accountId", accountId, "amount", amount,
                "paidAt", paidAt.toString(), "reference", reference), "X-Correlation-Id", correlationId);
    }
}
