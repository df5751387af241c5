package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.membership.arrears.service.SuspensionJob;
import id.loket.platform.test.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class StatusTest {

    @Inject
    TestClock clock;
    @Inject
    SuspensionJob job;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void anUnpaidMonthSuspendsTheWholeFamilyExactlyAtTheMonthBoundaryInJakarta() throws Exception {
        clock.setJakartaDate(LocalDate.of(2023, 3, 5));
        String kk = Api.newFamilyCard();
        var head = Api.register(kk, "PBPU", "III", LocalDate.of(2023, 3, 1), ",\"relation\":\"HEAD\"");
        String member = Api.register(kk, "PBPU", "III", LocalDate.of(2023, 3, 1), ",\"relation\":\"CHILD\"").getString("id");
        String id = head.getString("id");
        Api.bill(YearMonth.of(2023, 3));

        clock.set(Instant.parse("2023-03-31T16:59:59Z")); // 23:59:59 on 31 March in Jakarta: March is not over
        job.runToday();
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");

        clock.set(Instant.parse("2023-03-31T17:00:00Z")); // 00:00 on 1 April in Jakarta (still 31 March in UTC)
        assertThat(job.runToday().suspended()).isGreaterThanOrEqualTo(2);
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");
        assertThat(Api.currentStatus(member)).isEqualTo("SUSPENDED");
        job.runToday(); // twice is once
        Api.suspensionRun(LocalDate.of(2023, 4, 20)); // and late is the same
        // the event carries the arrears the door shows: what GET …/arrears calls arrearsTotal at the suspension
        long arrears = given().get("/participants/" + id + "/arrears").then().statusCode(200).extract().jsonPath().getLong("arrearsTotal");
        assertThat(arrears).isPositive();
        given().get("/participants/" + id + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ParticipantRegistered", "ParticipantSuspended")))
                .body("[1].summary", equalTo("Suspended from 2023-04-01: 1 month(s) unpaid on account " + head.getString("accountId")
                        + ", Rp " + arrears));

        assertThat(Api.status(id, LocalDate.of(2023, 2, 28))).isEqualTo("NOT_REGISTERED");
        assertThat(Api.status(id, LocalDate.of(2023, 3, 31))).isEqualTo("ACTIVE");
        assertThat(Api.status(id, LocalDate.of(2023, 4, 1))).isEqualTo("SUSPENDED");
        given().queryParam("asOf", "31-03-2023").get("/participants/" + id + "/status")
                .then().statusCode(400).body("errors.field", hasItem("asOf"));

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + id).equals(rec.key())
                    && "loket.membership.ParticipantSuspended".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(fieldNames(e)).containsExactlyInAnyOrder("participantId", "nikHash", "effectiveFrom", "monthsInArrears", "accountId",
                    "arrearsAmount");
            assertThat(e.get("arrearsAmount").asLong()).isEqualTo(arrears);
            assertThat(e.get("effectiveFrom").asText()).isEqualTo("2023-04-01");
            assertThat(e.get("monthsInArrears").asInt()).isEqualTo(1);
            assertThat(e.get("accountId").asText()).isEqualTo(head.getString("accountId"));
        }
    }

    @Test
    void reactivationOnlyWhenArrearsPlusTheCurrentMonthArePaid() throws Exception {
        clock.setJakartaDate(LocalDate.of(2023, 5, 10));
        var p = Api.register(Api.newFamilyCard(), "PBPU", "III", LocalDate.of(2023, 3, 1), null);
        String id = p.getString("id");
        String account = p.getString("accountId");
        for (int m = 3; m <= 5; m++) Api.bill(YearMonth.of(2023, m));
        Api.suspensionRun(LocalDate.of(2023, 5, 2));
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        Instant paidAt = Api.noon(LocalDate.of(2023, 5, 10));
        JsonPath arrearsOnly = Api.pay(account, 70_000, paidAt, Api.ref());
        assertThat(arrearsOnly.getList("reactivated")).isEmpty();
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        JsonPath current = Api.pay(account, 35_000, paidAt, Api.ref());
        assertThat(current.getList("reactivated")).containsExactly(id);
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");

        assertThat(Api.status(id, LocalDate.of(2023, 3, 31))).isEqualTo("ACTIVE");
        assertThat(Api.status(id, LocalDate.of(2023, 4, 1))).isEqualTo("SUSPENDED");
        assertThat(Api.status(id, LocalDate.of(2023, 5, 9))).isEqualTo("SUSPENDED");
        assertThat(Api.status(id, LocalDate.of(2023, 5, 10))).isEqualTo("ACTIVE");

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + id).equals(rec.key())
                    && "loket.membership.ParticipantReactivated".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(fieldNames(e)).containsExactlyInAnyOrder("participantId", "nikHash", "effectiveFrom");
            assertThat(e.get("effectiveFrom").asText()).isEqualTo("2023-05-10");
        }
    }

    @Test
    void arrearsCountAtMost24MonthsAndThePenaltyIsCapped() {
        clock.setJakartaDate(LocalDate.of(2023, 6, 15));
        var p = Api.register(Api.newFamilyCard(), "PBPU", "III", LocalDate.of(2021, 1, 1), null);
        String id = p.getString("id");
        for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.of(2023, 6)); m = m.plusMonths(1)) Api.bill(m);
        Api.suspensionRun(LocalDate.of(2023, 6, 2));
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");

        JsonPath arrears = given().queryParam("inaCbgTariff", 10_000_000).get("/participants/" + id + "/arrears")
                .then().statusCode(200).extract().jsonPath();
        assertThat(arrears.getList("months")).hasSize(24);
        assertThat(arrears.getString("months[0].month")).isEqualTo("2021-06");
        assertThat(arrears.getLong("arrearsTotal")).isEqualTo(24 * 35_000L);
        assertThat(arrears.getLong("currentMonthOwed")).isEqualTo(35_000L);
        assertThat(arrears.getLong("totalToBeActive")).isEqualTo(25 * 35_000L);
        assertThat(arrears.getInt("penalty.monthsCounted")).isEqualTo(12);
        assertThat(arrears.getLong("penalty.amount")).isEqualTo(6_000_000L); // 5% x 12 x 10,000,000
        given().queryParam("inaCbgTariff", 100_000_000).get("/participants/" + id + "/arrears")
                .then().statusCode(200).body("penalty.amount", equalTo(30_000_000));
        given().queryParam("inaCbgTariff", "abc").get("/participants/" + id + "/arrears")
                .then().statusCode(400).body("errors.field", hasItem("inaCbgTariff"));

        JsonPath paid = Api.pay(p.getString("accountId"), 25 * 35_000L, Api.noon(LocalDate.of(2023, 6, 15)), Api.ref());
        assertThat(paid.getString("settled[0].month")).isEqualTo("2021-06");
        assertThat(paid.getList("reactivated")).containsExactly(id);
    }

    @Test
    void pbiParticipantsAreNeverSuspended() {
        clock.setJakartaDate(LocalDate.of(2023, 3, 5));
        String id = Api.register(Api.newFamilyCard(), "PBI_APBN", null, LocalDate.of(2023, 1, 1), null).getString("id");
        Api.bill(YearMonth.of(2023, 1));
        Api.bill(YearMonth.of(2023, 2));
        Api.suspensionRun(LocalDate.of(2023, 3, 5));
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");
        assertThat(Api.status(id, LocalDate.of(2023, 3, 5))).isEqualTo("ACTIVE");
    }

    @Test
    void anEmployerInArrearsSuspendsItsWorkersAndTheirFamilies() {
        clock.setJakartaDate(LocalDate.of(2023, 3, 5));
        String emp = ",\"employerId\":\"" + Api.newEmployer() + "\"";
        String kk = Api.newFamilyCard();
        LocalDate reg = LocalDate.of(2023, 1, 1);
        String worker = Api.register(kk, "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":6000000").getString("id");
        String child = Api.register(kk, "PPU_BU", null, reg, emp + ",\"relation\":\"CHILD\"").getString("id");
        String other = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":5000000").getString("id");
        var paying = Api.register(Api.newFamilyCard(), "PBPU", "II", reg, null);
        Api.bill(YearMonth.of(2023, 2));
        Api.pay(paying.getString("accountId"), 100_000, Api.noon(LocalDate.of(2023, 2, 10)), Api.ref());

        Api.suspensionRun(LocalDate.of(2023, 3, 1));
        assertThat(List.of(worker, child, other)).allSatisfy(w -> assertThat(Api.currentStatus(w)).isEqualTo("SUSPENDED"));
        assertThat(Api.currentStatus(paying.getString("id"))).isEqualTo("ACTIVE");
    }
}
