package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class InstalmentPlanTest {

    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static io.restassured.response.ValidatableResponse openPlan(String account, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/accounts/" + account + "/instalment-plans").then();
    }

    @Test
    void underAPlanTheFamilyStaysSuspendedUntilThePlanIsPaidInFullThenArrearsPlusTheCurrentMonthReactivate() throws Exception {
        LocalDate today = LocalDate.of(2022, 4, 15);
        clock.setJakartaDate(today);
        String kk = Api.newFamilyCard();
        JsonPath head = Api.register(kk, "PBPU", "III", LocalDate.of(2022, 1, 1), ",\"relation\":\"HEAD\"");  // 35,000 a month
        String id = head.getString("id"), account = head.getString("accountId");
        for (int m = 1; m <= 4; m++) Api.bill(YearMonth.of(2022, m));
        Api.suspensionRun(today);
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        openPlan(account, "{\"instalments\":13}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("instalments"));
        openPlan(account, "{\"instalments\":0}").statusCode(400).body("errors.field", hasItem("instalments"));
        openPlan(account, "{}").statusCode(400).body("errors.field", hasItem("instalments"));

        // January to March in arrears (April is the current month): 105,000 in three instalments
        JsonPath plan = openPlan(account, "{\"instalments\":3}").statusCode(201).extract().jsonPath();
        assertThat(plan.getString("status")).isEqualTo("OPEN");
        assertThat(plan.getLong("total")).isEqualTo(105_000);
        assertThat(plan.getList("months.month", String.class)).containsExactly("2022-01", "2022-02", "2022-03");
        assertThat(plan.getList("instalments.amount", Long.class)).containsExactly(35_000L, 35_000L, 35_000L);
        assertThat(plan.getList("instalments.dueDate", String.class)).containsExactly("2022-04-15", "2022-05-10", "2022-06-10");
        openPlan(account, "{\"instalments\":6}").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already has an open instalment plan"));

        JsonPath first = Api.pay(account, 35_000, Api.noon(today), Api.ref());
        assertThat(first.getLong("instalmentPlan.paid")).isEqualTo(35_000);
        assertThat(first.getLong("instalmentPlan.remaining")).isEqualTo(70_000);
        assertThat(first.getInt("instalmentPlan.nextInstalment.number")).isEqualTo(2);
        assertThat(first.getList("settled.month", String.class)).containsExactly("2022-01");
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        Api.pay(account, 35_000, Api.noon(today), Api.ref());
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        // the plan is paid in full, but the current month is not: still suspended (arrears plus current month)
        String last = Api.ref();
        JsonPath third = Api.pay(account, 35_000, Api.noon(today), last);
        assertThat(third.getString("instalmentPlan.status")).isEqualTo("COMPLETED");
        assertThat(third.getList("reactivated")).isEmpty();
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        JsonPath april = Api.pay(account, 35_000, Api.noon(today), Api.ref());
        assertThat(april.getList("reactivated", String.class)).containsExactly(id);
        assertThat((Object) april.get("instalmentPlan")).as("no plan was open any more").isNull();
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");

        List<String> statuses = given().get("/accounts/" + account + "/instalment-plans").then().statusCode(200)
                .extract().jsonPath().getList("status", String.class);
        assertThat(statuses).containsExactly("COMPLETED");
        given().get("/accounts/" + account + "/instalment-plans").then().body("[0].completedBy", equalTo(last));

        try (TopicReader topic = TopicReader.open(bootstrap, ParticipantRegistrationTest.TOPIC)) {
            var records = topic.awaitRecords(r -> ("account-" + account).equals(r.key())
                    && header(r, "ce_type").startsWith("loket.membership.InstalmentPlan"), 2, Duration.ofSeconds(30));
            assertThat(records).extracting(r -> header(r, "ce_type"))
                    .containsExactly("loket.membership.InstalmentPlanOpened", "loket.membership.InstalmentPlanCompleted");
            ConsumerRecord<String, byte[]> opened = records.getFirst();
            JsonNode event = new ObjectMapper().readTree(new String(opened.value(), StandardCharsets.UTF_8));
            assertThat(event.get("total").asLong()).isEqualTo(105_000);
            assertThat(event.get("instalments")).hasSize(3);
        }
    }

    @Test
    void aSinglePaymentOfThePlanAndTheCurrentMonthCompletesItAndReactivatesAtOnce() {
        LocalDate today = LocalDate.of(2022, 8, 20);
        clock.setJakartaDate(today);
        JsonPath p = Api.register(Api.newFamilyCard(), "BP", "II", LocalDate.of(2022, 6, 1), null);  // 100,000 a month
        String account = p.getString("accountId");
        for (int m = 6; m <= 8; m++) Api.bill(YearMonth.of(2022, m));
        Api.suspensionRun(today);
        assertThat(Api.currentStatus(p.getString("id"))).isEqualTo("SUSPENDED");

        JsonPath plan = openPlan(account, "{\"instalments\":12}").statusCode(201).extract().jsonPath();
        assertThat(plan.getLong("total")).isEqualTo(200_000);
        assertThat(plan.getList("instalments")).hasSize(12);
        assertThat(plan.getList("instalments.amount", Long.class).stream().mapToLong(Long::longValue).sum()).isEqualTo(200_000);

        JsonPath paid = Api.pay(account, 300_000, Api.noon(today), Api.ref());
        assertThat(paid.getString("instalmentPlan.status")).isEqualTo("COMPLETED");
        assertThat(paid.getList("reactivated", String.class)).containsExactly(p.getString("id"));
        // a new plan needs new arrears
        openPlan(account, "{\"instalments\":2}").statusCode(409).body("detail", containsString("no arrears"));
    }

    @Test
    void noPlanForAnUnknownAccountOrForTheGovernment() {
        openPlan("family-" + "0".repeat(64), "{\"instalments\":3}").statusCode(404).contentType("application/problem+json");
        Api.register(Api.newFamilyCard(), "PBI_APBN", null, LocalDate.of(2022, 1, 3), null);
        openPlan("government-PBI_APBN", "{\"instalments\":3}").statusCode(409);
    }
}
