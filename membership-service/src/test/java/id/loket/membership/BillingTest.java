package id.loket.membership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BillingTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long line(String account, YearMonth month, String participant) {
        var rows = Db.rows(ds, "SELECT amount FROM bill_line WHERE account_id = ? AND month = ? AND participant_id = ?",
                account, month.toString(), UUID.fromString(participant));
        assertThat(rows).as("one bill line for " + participant).hasSize(1);
        return Long.parseLong(rows.getFirst().getFirst().toString());
    }

    @Test
    void tariffsFromTheTableAndEachAccountBilledOncePerMonth() {
        LocalDate reg = LocalDate.of(2024, 1, 5);
        YearMonth month = YearMonth.of(2024, 2);
        String kk = Api.newFamilyCard();
        var c1 = Api.register(kk, "PBPU", "I", reg, ",\"relation\":\"HEAD\"");
        var c2 = Api.register(kk, "PBPU", "II", reg, ",\"relation\":\"SPOUSE\"");
        var c3 = Api.register(kk, "PBPU", "III", reg, ",\"relation\":\"CHILD\"");
        String family = c1.getString("accountId");

        String employer = Api.newEmployer();
        String emp = ",\"employerId\":\"" + employer + "\"";
        var low = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":3000000");
        var high = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":20000000");
        String kk3 = Api.newFamilyCard();
        var mid = Api.register(kk3, "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":8000000");
        String[] dependants = new String[5];
        for (int i = 0; i < 5; i++) {
            dependants[i] = Api.register(kk3, "PPU_BU", null, reg.plusDays(i + 1), emp + ",\"relation\":\"CHILD\"").getString("id");
        }
        var pbi = Api.register(Api.newFamilyCard(), "PBI_APBD", null, reg, null);
        var late = Api.register(kk, "PBPU", "I", LocalDate.of(2024, 3, 1), ",\"relation\":\"CHILD\"");

        var first = Api.bill(month);
        assertThat(first.getInt("accountsBilled")).isGreaterThanOrEqualTo(3);

        assertThat(line(family, month, c1.getString("id"))).isEqualTo(150_000);
        assertThat(line(family, month, c2.getString("id"))).isEqualTo(100_000);
        assertThat(line(family, month, c3.getString("id"))).isEqualTo(35_000);   // 42,000 less the government's 7,000
        assertThat(Db.count(ds, "SELECT count(*) FROM bill_line WHERE participant_id = ?", UUID.fromString(late.getString("id"))))
                .as("registered after the month: not billed for it").isZero();
        String employerAccount = "employer-" + employer;
        assertThat(line(employerAccount, month, low.getString("id"))).isEqualTo(247_500);    // 5% of the 4,950,000 floor
        assertThat(line(employerAccount, month, high.getString("id"))).isEqualTo(600_000);   // 5% of the 12,000,000 cap
        assertThat(line(employerAccount, month, mid.getString("id"))).isEqualTo(400_000);
        for (int i = 0; i < 4; i++) assertThat(line(employerAccount, month, dependants[i])).isZero(); // up to 5 incl. the worker
        assertThat(line(employerAccount, month, dependants[4])).isEqualTo(80_000);              // 6th member: 1% of the wage
        assertThat(line("government-PBI_APBD", month, pbi.getString("id"))).isEqualTo(42_000);

        var second = Api.bill(month);
        assertThat(second.getInt("accountsBilled")).isZero();
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE stream_id = ?", "bill-" + family + "-" + month)).isEqualTo(1);
        assertThat(Db.count(ds, "SELECT sum(amount) FROM bill_line WHERE account_id = ? AND month = ?", family, month.toString()))
                .isEqualTo(285_000);

        given().contentType(ContentType.JSON).body("{\"month\":\"2024-13\"}").post("/billing-runs")
                .then().statusCode(400).body("errors.field", hasItem("month"));
    }
}
