package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
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
        return Api.requestDeactivation(id, json);
    }

    static ValidatableResponse decide(String token, String id, String kind, String requestId, String action, String reason) {
        var request = given().header("Authorization", token);
        if (reason != null) request = request.contentType(ContentType.JSON).body(reason);
        return request.post("/participants/" + id + "/" + kind + "/" + requestId + "/" + action).then();
    }

    static long credit(String id) {
        return given().get("/participants/" + id + "/arrears").then().statusCode(200).extract().jsonPath().getLong("credit");
    }

    @Test
    void deathCancelsLaterBillsOnceASecondPersonApprovesAndAReversalRestoresThem() throws Exception {
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

        // the frontliner's report is a request: nothing changes until a supervisor approves it
        JsonPath requested = deactivate(deceased, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-03-15\",\"complaintReference\":\"CMP-SDA-7\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(202).body("status", equalTo("PENDING")).body("kind", equalTo("DEACTIVATION"))
                .body("requestedBy", equalTo("frontliner-sda-1")).extract().jsonPath();
        String requestId = requested.getString("requestId");
        assertThat(Api.currentStatus(deceased)).isEqualTo("ACTIVE");
        assertThat(credit(headId)).isZero();
        deactivate(deceased, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-03-15\",\"documents\":" + ALL_DOCS + "}")
                .statusCode(409).contentType("application/problem+json").body("detail", containsString(requestId));
        given().header("Authorization", Api.SUPERVISOR).get("/deactivation-requests").then().statusCode(200)
                .body("find { it.requestId == '" + requestId + "' }.participantId", equalTo(deceased))
                .body("find { it.requestId == '" + requestId + "' }.complaintReference", equalTo("CMP-SDA-7"))
                .body("find { it.requestId == '" + requestId + "' }.documents.number", equalTo(List.of("AKT-1", "0001", "KK")));

        decide(Api.FRONTLINER, deceased, "deactivation-requests", requestId, "approve", null)
                .statusCode(403).contentType("application/problem+json");
        decide(Api.SUPERVISOR, deceased, "deactivation-requests", UUID.randomUUID().toString(), "approve", null).statusCode(404);
        JsonPath done = decide(Api.SUPERVISOR, deceased, "deactivation-requests", requestId, "approve", null)
                .statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("INACTIVE");
        assertThat(done.getString("requestId")).isEqualTo(requestId);
        assertThat(done.getList("cancelledBills.month")).containsExactly("2023-04", "2023-05", "2023-06");
        assertThat(credit(headId)).as("what was paid for the cancelled months").isEqualTo(3 * 35_000L);
        assertThat(Api.currentStatus(deceased)).isEqualTo("INACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 14))).isEqualTo("ACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 15))).isEqualTo("INACTIVE");
        decide(Api.SUPERVISOR_2, deceased, "deactivation-requests", requestId, "approve", null)
                .statusCode(409).body("detail", containsString("already approved"));
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
            assertThat(StatusTest.fieldNames(e)).as("the contract complaint-service consumes, unchanged")
                    .containsExactlyInAnyOrder("participantId", "nikHash", "reason", "effectiveFrom", "complaintReference");
            assertThat(e.get("reason").asText()).isEqualTo("DECEASED");
            assertThat(e.get("effectiveFrom").asText()).isEqualTo("2023-03-15");
            assertThat(e.get("complaintReference").asText()).isEqualTo("CMP-SDA-7");
            ConsumerRecord<String, byte[]> q = topic.awaitRecord(rec -> ("participant-" + deceased).equals(rec.key())
                    && "loket.membership.ParticipantDeactivationRequested".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode req = new ObjectMapper().readTree(q.value());
            assertThat(StatusTest.fieldNames(req)).containsExactlyInAnyOrder("participantId", "nikHash", "requestId", "reason",
                    "effectiveFrom", "complaintReference", "documents", "requestedBy");
            assertThat(req.get("requestedBy").asText()).isEqualTo("frontliner-sda-1");
            assertThat(new String(q.value())).as("document numbers stay in membership").doesNotContain("AKT-1");
        }

        given().contentType(ContentType.JSON).body("{\"reason\":\"reported by mistake\"}")
                .post("/participants/" + deceased + "/deactivation-reversals").then().statusCode(400).body("errors.field", hasItem("evidence"));
        // a supervisor may request a reversal, but not approve or reject their own request
        String reversal = given().header("Authorization", Api.SUPERVISOR).contentType(ContentType.JSON)
                .body("{\"reason\":\"reported by mistake\",\"evidence\":\"KTP shown in person at the counter\"}")
                .post("/participants/" + deceased + "/deactivation-reversals").then().statusCode(202).extract().path("requestId");
        decide(Api.SUPERVISOR, deceased, "deactivation-reversal-requests", reversal, "approve", null)
                .statusCode(403).contentType("application/problem+json").body("type", containsString("four-eyes"));
        decide(Api.SUPERVISOR, deceased, "deactivation-reversal-requests", reversal, "reject", "{\"reason\":\"mine\"}")
                .statusCode(403).contentType("application/problem+json");
        decide(Api.SUPERVISOR_2, deceased, "deactivation-reversal-requests", reversal, "reject", "{}")
                .statusCode(400).body("errors.field", hasItem("reason"));
        decide(Api.SUPERVISOR_2, deceased, "deactivation-reversal-requests", reversal, "reject", "{\"reason\":\"the KTP photo does not match\"}")
                .statusCode(200).body("status", equalTo("REJECTED")).body("rejectedBy", equalTo("supervisor-sda-2"));
        assertThat(Api.currentStatus(deceased)).isEqualTo("INACTIVE");

        JsonPath reversed = Api.reverse(deceased, "{\"reason\":\"reported by mistake\",\"evidence\":\"KTP shown in person at the counter\"}");
        assertThat(reversed.getList("restoredBills.month")).containsExactly("2023-04", "2023-05", "2023-06");
        assertThat(reversed.getString("status")).isEqualTo("ACTIVE");
        assertThat(Api.status(deceased, LocalDate.of(2023, 3, 15))).isEqualTo("ACTIVE");
        assertThat(credit(headId)).as("the restored months take their money back; July is still owed").isZero();
        Api.requestReversal(deceased, "{\"reason\":\"again\",\"evidence\":\"x\"}").statusCode(409);
        given().get("/participants/" + deceased + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ParticipantRegistered", "ParticipantDeactivationRequested", "ParticipantDeactivated",
                        "ParticipantDeactivationReversalRequested", "ParticipantDeactivationReversalRejected",
                        "ParticipantDeactivationReversalRequested", "ParticipantDeactivationReversed")))
                .body("[2].summary", equalTo("Deactivated (DECEASED) as of 2023-03-15, complaint CMP-SDA-7"));

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + deceased).equals(rec.key())
                    && "loket.membership.ParticipantDeactivationReversed".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            assertThat(StatusTest.fieldNames(new ObjectMapper().readTree(r.value()))).containsExactlyInAnyOrder("participantId", "nikHash", "reason");
        }
        assertThat(Db.rows(ds, "SELECT metadata->>'actor' FROM event_store WHERE stream_id = ? AND event_type = 'ParticipantDeactivationReversed'",
                "participant-" + deceased).getFirst().getFirst()).as("the approver").isEqualTo("supervisor-sda-1");
    }

    @Test
    void aRejectedRequestChangesNothingAndTheRequesterCannotDecideIt() throws Exception {
        clock.setJakartaDate(LocalDate.of(2023, 2, 20));
        String id = Api.register(Api.newFamilyCard(), "BP", "III", LocalDate.of(2023, 1, 1), null).getString("id");
        String json = "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-02-10\",\"documents\":" + ALL_DOCS + "}";
        String own = given().header("Authorization", Api.SUPERVISOR).contentType(ContentType.JSON).body(json)
                .post("/participants/" + id + "/deactivations").then().statusCode(202).extract().path("requestId");
        decide(Api.SUPERVISOR, id, "deactivation-requests", own, "approve", null).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("four eyes"));
        decide(Api.SUPERVISOR, id, "deactivation-requests", own, "reject", "{\"reason\":\"changed my mind\"}").statusCode(403);
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");
        decide(Api.SUPERVISOR_2, id, "deactivation-requests", own, "reject", "{\"reason\":\"the death certificate is for someone else\"}")
                .statusCode(200).body("status", equalTo("REJECTED")).body("kind", equalTo("DEACTIVATION"));
        decide(Api.SUPERVISOR_2, id, "deactivation-requests", own, "approve", null).statusCode(409);
        assertThat(Api.currentStatus(id)).isEqualTo("ACTIVE");
        given().header("Authorization", Api.SUPERVISOR).queryParam("status", "REJECTED").get("/deactivation-requests").then().statusCode(200)
                .body("find { it.requestId == '" + own + "' }.decidedBy", equalTo("supervisor-sda-2"))
                .body("find { it.requestId == '" + own + "' }.decisionReason", equalTo("the death certificate is for someone else"));
        try (TopicReader topic = TopicReader.open(bootstrap, "loket.membership.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + id).equals(rec.key())
                    && "loket.membership.ParticipantDeactivationRejected".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(StatusTest.fieldNames(e)).containsExactlyInAnyOrder("participantId", "nikHash", "requestId", "reason", "rejectedBy");
            assertThat(e.get("rejectedBy").asText()).isEqualTo("supervisor-sda-2");
        }
        // after a rejection a new request may be made, and approved by another person
        assertThat(Api.deactivate(id, json).getString("status")).isEqualTo("INACTIVE");
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
        Api.deactivate(id, "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"2023-02-10\",\"documents\":" + ALL_DOCS + "}");

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
        Api.deactivate(id, """
                {"reason":"MOVED_ABROAD","effectiveFrom":"2023-02-01","documents":[{"type":"EMIGRATION_LETTER","number":"SKPLN-1"},
                 {"type":"ID_CARD","number":"KTP"},{"type":"FAMILY_CARD","number":"KK"}]}""");
        given().get("/participants/" + id + "/status").then().body("status", equalTo("INACTIVE")).body("reason", equalTo("MOVED_ABROAD"));
    }
}
