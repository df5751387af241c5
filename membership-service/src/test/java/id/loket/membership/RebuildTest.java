package id.loket.membership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RebuildTest {

    static final Map<String, String> TABLES = Map.of(
            "participant_view", "SELECT * FROM participant_view ORDER BY participant_id",
            "bill_line", "SELECT * FROM bill_line ORDER BY account_id, month, participant_id",
            "payment_view", "SELECT * FROM payment_view ORDER BY reference",
            "settlement_line", "SELECT * FROM settlement_line ORDER BY account_id, month, reference",
            "deactivation_request", "SELECT * FROM deactivation_request ORDER BY request_id");

    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void rebuiltProjectionsEqualTheLiveOnesAfterAMixedHistory() {
        clock.setJakartaDate(LocalDate.of(2024, 3, 20));
        LocalDate reg = LocalDate.of(2024, 1, 2);
        String kk = Api.newFamilyCard();
        var head = Api.register(kk, "PBPU", "II", reg, ",\"relation\":\"HEAD\"");
        String member = Api.register(kk, "PBPU", "III", reg, ",\"relation\":\"CHILD\"").getString("id");
        String emp = ",\"employerId\":\"" + Api.newEmployer() + "\"";
        Api.register(Api.newFamilyCard(), "PPU_PN", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":9000000");
        Api.register(Api.newFamilyCard(), "PBI_APBD", null, reg, null);
        for (int m = 1; m <= 3; m++) Api.bill(YearMonth.of(2024, m));
        Api.suspensionRun(LocalDate.of(2024, 2, 1));
        String account = head.getString("accountId");
        Api.pay(account, 135_000, Api.noon(LocalDate.of(2024, 3, 20)), Api.ref());
        Api.pay(account, 500_000, Api.noon(LocalDate.of(2024, 3, 20)), Api.ref()); // reactivates, leaves credit
        Api.deactivate(member, """
                {"reason":"DECEASED","dateOfDeath":"2024-02-05","documents":[{"type":"DEATH_CERTIFICATE","number":"A"},
                 {"type":"ID_CARD","number":"K"},{"type":"FAMILY_CARD","number":"F"}]}""");
        Api.reverse(member, "{\"reason\":\"mistake\",\"evidence\":\"seen alive\"}");
        Api.requestDeactivation(member, """
                {"reason":"DUPLICATE_MERGED","effectiveFrom":"2024-03-01","documents":[{"type":"ID_CARD","number":"K"},
                 {"type":"FAMILY_CARD","number":"F"}]}""").statusCode(202); // left pending
        assertThat(Api.currentStatus(head.getString("id"))).isEqualTo("ACTIVE");

        Map<String, List<List<Object>>> live = snapshot();
        assertThat(live.get("bill_line")).isNotEmpty();
        assertThat(live.get("settlement_line")).isNotEmpty();
        assertThat(Db.count(ds, "SELECT count(*) FROM deactivation_request WHERE participant_id = ?", java.util.UUID.fromString(member)))
                .as("approved deactivation, approved reversal, pending request").isEqualTo(3);
        for (String projection : List.of("participants", "contributions", "deactivation_requests")) {
            given().post("/admin/projections/" + projection + "/rebuild").then().statusCode(200);
        }
        Map<String, List<List<Object>>> rebuilt = snapshot();
        for (String table : TABLES.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(live.get(table));
        }
    }

    private Map<String, List<List<Object>>> snapshot() {
        return Map.of(
                "participant_view", Db.rows(ds, TABLES.get("participant_view")),
                "bill_line", Db.rows(ds, TABLES.get("bill_line")),
                "payment_view", Db.rows(ds, TABLES.get("payment_view")),
                "settlement_line", Db.rows(ds, TABLES.get("settlement_line")),
                "deactivation_request", Db.rows(ds, TABLES.get("deactivation_request")));
    }
}
