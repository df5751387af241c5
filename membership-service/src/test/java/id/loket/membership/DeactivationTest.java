package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DeactivationTest {

    static final String ALL_DOCS = """
            [{"type":"DEATH_CERTIFICATE","number":"AKT-1"},{"type":"JKN_CARD","number":"0001"},{"type":"FAMILY_CARD","number":"KK"}]""";

    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static io.restassured.response.ValidatableResponse deactivate(String id, String json) {
        return given().contentType(ContentType.JSON).body(json).post("/participants/" + id + "/deactivations").then();
    }

    static long credit(String id) {
        return given().get("/participants/" + id + "/arrears").then().statusCode(200).extract().jsonPath().getLong("credit");
    }

    @Test
    void deathCancelsLaterBillsTheirPaymentsBecomeCreditAndAReversalRestoresThem() throws Exception {
        clock.setJakartaDate(LocalDate.of(2023, 6, 20));
        String kk = Api.newFamilyCard();
        var head = Api.register(kk, "PBPU", "III", LocalDate.of(2023, 1, 1), ",\"relation\":\"HEAD\"");
        String headId = head.getString("id");
        String account = head.getString("accountId");
        String deceased = Api.register(kk, "PBPU", "III", LocalDate.of(2023, 1, 1), ",\"relation\":\"SPOUSE\"").getString("id");
        for (int m = 1; m <= 6; m++) Api.bill(YearMonth.of(2023, m));
        Api.pay(account, 6 * 70_000, Api.noon(LocalDate.of(2023, 6, 20)), Api.ref());
        assertThat(credit(headId)).isZero();

        deactivate(deceased, """
                {"reason":"DECEASED","dateOfDeath":"2023-03-15","documents":[{"type":"DEATH_CERTIFICATE","number":"AKT-1"}]}""")
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("documents"))
                .body("detail", allOf(containsString("FAMILY_CARD"), containsString("ID_CARD or JKN_CARD")));
        deactivate(deceased, "{\"reason\":\"DECEASED\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(400).body("errors.field", hasItem("dateOfDeath"));
        deactivate(deceased, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-07-01\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(400).body("errors.field", hasItem("dateOfDeath"));
        assertThat(Api.currentStatus(deceased)).isEqualTo("ACTIVE");

        JsonPath done = deactivate(deceased, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-03-15\",\"complaintReference\":\"CMP-SDA-7\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(200).extract().jsonPath();
        assertThat(done.getList("cancelledBills.month")).containsExactly("2023-04", "2023-05", "2023-06");
        assertThat(credit(headId)).as("what was paid for the cancelled months").isEqualTo(3 * 35_000L);
        assertThat(Api.currentStatus(deceased)).isEqualTo("INACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 14))).isEqualTo("ACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 15))).isEqualTo("INACTIVE");
        deactivate(deceased, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-03-15\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(409);

        clock.setJakartaDate(LocalDate.of(2023, 7, 3));
        Api.bill(YearMonth.of(2023, 7));
        assertThat(Db.count(ds, "SELECT count(*) FROM bill_line WHERE participant_id = ? AND month = '2023-07'", UUID.fromString(deceased)))
                .as("never billed after the month of death").isZero();
        assertThat(Db.count(ds, "SELECT count(*) FROM bill_line WHERE participant_id = ? AND month = '2023-07'", UUID.fromString(headId)))
                .isEqualTo(1);

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + deceased).equals(rec.key())
                    && "loket.membership.ParticipantDeactivated".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(StatusTest.fieldNames(e)).containsExactlyInAnyOrder("participantId", "nikHash", "reason", "effectiveFrom", "complaintReference");
            assertThat(e.get("reason").asText()).isEqualTo("DECEASED");
            assertThat(e.get("effectiveFrom").asText()).isEqualTo("2023-03-15");
            assertThat(e.get("complaintReference").asText()).isEqualTo("CMP-SDA-7");
        }

        given().contentType(ContentType.JSON).body("{\"reason\":\"reported by mistake\"}")
                .post("/participants/" + deceased + "/deactivation-reversals").then().statusCode(400).body("errors.field", hasItem("evidence"));
        JsonPath reversed = given().contentType(ContentType.JSON)
                .body("{\"reason\":\"reported by mistake\",\"evidence\":\"KTP shown in person at the counter\"}")
                .post("/participants/" + deceased + "/deactivation-reversals").then().statusCode(200).extract().jsonPath();
        assertThat(reversed.getList("restoredBills.month")).containsExactly("2023-04", "2023-05", "2023-06");
        assertThat(reversed.getString("status")).isEqualTo("ACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 15))).isEqualTo("ACTIVE");
        assertThat(credit(headId)).as("the restored months take their money back; July is still owed").isZero();
        given().contentType(ContentType.JSON).body("{\"reason\":\"again\",\"evidence\":\"x\"}")
                .post("/participants/" + deceased + "/deactivation-reversals").then().statusCode(409);
        given().get("/participants/" + deceased + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ParticipantRegistered", "ParticipantDeactivated", "ParticipantDeactivationReversed")))
                .body("[1].summary", equalTo("Deactivated (DECEASED) as of 2023-03-15, complaint CMP-SDA-7"));

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + deceased).equals(rec.key())
                    && "loket.membership.ParticipantDeactivationReversed".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            assertThat(StatusTest.fieldNames(new ObjectMapper().readTree(r.value()))).containsExactlyInAnyOrder("participantId", "nikHash", "reason");
        }
    }

    @Test
    void aDeactivatedParticipantIsNeverReactivatedByAPayment() {
        clock.setJakartaDate(LocalDate.of(2023, 2, 20));
        var p = Api.register(Api.newFamilyCard(), "BP", "III", LocalDate.of(2023, 1, 1), null);
        String id = p.getString("id");
        Api.bill(YearMonth.of(2023, 1));
        Api.bill(YearMonth.of(2023, 2));
        Api.suspensionRun(LocalDate.of(2023, 2, 1));
        assertThat(Api.currentStatus(id)).isEqualTo("SUSPENDED");
        deactivate(id, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-02-10\",\"documents\":" + ALL_DOCS + "}").statusCode(200);

        JsonPath paid = Api.pay(p.getString("accountId"), 70_000, Api.noon(LocalDate.of(2023, 2, 20)), Api.ref());
        assertThat(paid.getList("reactivated")).isEmpty();
        assertThat(Api.currentStatus(id)).isEqualTo("INACTIVE");
        assertThat(Api.status(id, LocalDate.of(2023, 2, 9))).isEqualTo("SUSPENDED");
        assertThat(Api.status(id, LocalDate.of(2023, 2, 10))).isEqualTo("INACTIVE");
        Api.suspensionRun(LocalDate.of(2023, 3, 2));
        assertThat(Api.currentStatus(id)).isEqualTo("INACTIVE");
    }

    @Test
    void otherReasonsNeedTheirOwnDocuments() {
        clock.setJakartaDate(LocalDate.of(2023, 2, 20));
        String id = Api.register(Api.newFamilyCard(), "BP", "III", LocalDate.of(2023, 1, 1), null).getString("id");
        deactivate(id, "{\"reason\":\"MOVED_ABROAD\",\"effectiveFrom\":\"2023-02-01\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(400).body("detail", containsString("EMIGRATION_LETTER"));
        deactivate(id, "{\"reason\":\"RETIRED\",\"documents\":[]}").statusCode(400).body("errors.field", hasItem("reason"));
        deactivate(id, """
                {"reason":"MOVED_ABROAD","effectiveFrom":"2023-02-01","documents":[{"type":"EMIGRATION_LETTER","number":"SKPLN-1"},
                 {"type":"ID_CARD","number":"KTP"},{"type":"FAMILY_CARD","number":"KK"}]}""").statusCode(200);
        given().get("/participants/" + id + "/status").then().body("status", equalTo("INACTIVE")).body("reason", equalTo("MOVED_ABROAD"));
    }
}
