package id.loket.membership;

import id.loket.platform.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Every read of one participant's data by a person is recorded: who, when, which participant, for what. */
@QuarkusTest
class AuditTest {

    static final String FRONTLINER = TestTokens.bearer("frontliner-sda-7", "SDA", "FRONTLINER");
    static final String OFFICER = TestTokens.bearer("officer-sda-3", "SDA", "SECURITY_OFFICER");

    @Inject
    AgroalDataSource ds;

    static long rows(AgroalDataSource ds, String participant) {
        return Db.count(ds, "SELECT count(*) FROM participant_access WHERE participant_id = ?", UUID.fromString(participant));
    }

    @Test
    void everyReadIsRecordedWithWhoAndWhyAndASupervisorSeesThemNewestFirst() {
        String kk = Api.newFamilyCard();
        String nik = Niks.female1990();
        String id = given().contentType(ContentType.JSON).body(Api.body(nik, kk, "PBPU", "III", null, ",\"relation\":\"HEAD\""))
                .post("/participants").then().statusCode(201).extract().path("id");
        assertThat(rows(ds, id)).as("registering is not a read").isZero();

        given().header("Authorization", OFFICER).header("X-Purpose", "screening").contentType(ContentType.JSON)
                .body("{\"nik\":\"" + nik + "\"}").post("/participants/search").then().statusCode(200).body("id", equalTo(id));
        given().header("Authorization", FRONTLINER).header("X-Purpose", "visit:7d1e5c1a-0b7e-4a8e-9d55-1f0c2b3a4d5e")
                .get("/participants/" + id).then().statusCode(200);
        given().header("Authorization", FRONTLINER).header("X-Purpose", "visit:7d1e5c1a-0b7e-4a8e-9d55-1f0c2b3a4d5e")
                .get("/participants/" + id + "/status").then().statusCode(200);
        given().header("Authorization", FRONTLINER).header("X-Purpose", "complaint:SDA-20261126-0001")
                .get("/participants/" + id + "/arrears").then().statusCode(200);
        given().header("Authorization", FRONTLINER).header("X-Purpose", "complaint:SDA-20261126-0001")
                .get("/participants/" + id + "/history").then().statusCode(200);
        String familyId = given().header("Authorization", FRONTLINER).header("X-Purpose", "visit:v-2").contentType(ContentType.JSON)
                .body("{\"familyCardNumber\":\"" + kk + "\"}").post("/families/search").then().statusCode(200).extract().path("familyId");
        given().header("Authorization", FRONTLINER).header("X-Purpose", "visit:v-3").get("/families/" + familyId).then().statusCode(200);
        assertThat(rows(ds, id)).isEqualTo(7);

        var page = given().header("Authorization", Api.SUPERVISOR).get("/audit/participants/" + id).then().statusCode(200)
                .body("participantId", equalTo(id)).body("more", equalTo(false)).body("accesses", hasSize(7))
                .extract().jsonPath();
        assertThat(page.getList("accesses.route", String.class)).containsExactly("GET /families/{familyId}", "POST /families/search",
                "GET /participants/{id}/history", "GET /participants/{id}/arrears", "GET /participants/{id}/status",
                "GET /participants/{id}", "POST /participants/search");
        assertThat(page.getList("accesses.actor", String.class)).containsExactly("frontliner-sda-7", "frontliner-sda-7",
                "frontliner-sda-7", "frontliner-sda-7", "frontliner-sda-7", "frontliner-sda-7", "officer-sda-3");
        assertThat(page.getList("accesses.purpose", String.class)).containsExactly("visit:v-3", "visit:v-2",
                "complaint:SDA-20261126-0001", "complaint:SDA-20261126-0001", "visit:7d1e5c1a-0b7e-4a8e-9d55-1f0c2b3a4d5e",
                "visit:7d1e5c1a-0b7e-4a8e-9d55-1f0c2b3a4d5e", "screening");
        assertThat(page.getList("accesses.at", String.class)).allSatisfy(at -> assertThat(at).isNotBlank());

        // paged: three at a time, newest first, and "more" says when there is another page
        given().header("Authorization", Api.SUPERVISOR).queryParam("size", 3).get("/audit/participants/" + id).then().statusCode(200)
                .body("accesses.purpose", equalTo(List.of("visit:v-3", "visit:v-2", "complaint:SDA-20261126-0001"))).body("more", equalTo(true));
        given().header("Authorization", Api.SUPERVISOR).queryParam("size", 3).queryParam("page", 2).get("/audit/participants/" + id)
                .then().statusCode(200).body("accesses.purpose", equalTo(List.of("screening"))).body("more", equalTo(false));
        given().header("Authorization", Api.SUPERVISOR).queryParam("size", 0).get("/audit/participants/" + id).then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().header("Authorization", Api.SUPERVISOR).queryParam("page", "x").get("/audit/participants/" + id).then().statusCode(400)
                .body("errors.field", hasItem("page"));
        given().header("Authorization", FRONTLINER).get("/audit/participants/" + id).then().statusCode(403);
        assertThat(rows(ds, id)).as("reading the audit is not a read of the participant's data").isEqualTo(7);
    }

    @Test
    void theOfficerAtTheDoorReadsStatusAndArrearsForTheScreeningOnlyAndNeverTheNameOrBirthDate() {
        String nik = Niks.female1990();
        String id = given().contentType(ContentType.JSON).body(Api.body(nik, Api.newFamilyCard(), "PBPU", "III", null, null))
                .post("/participants").then().statusCode(201).body("name", org.hamcrest.Matchers.notNullValue())
                .extract().path("id");
        given().header("Authorization", OFFICER).header("X-Purpose", "screening")
                .get("/participants/" + id + "/status").then().statusCode(200)
                .body("participantId", equalTo(id)).body("status", equalTo("ACTIVE"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")));
        given().header("Authorization", OFFICER).header("X-Purpose", "screening")
                .get("/participants/" + id + "/arrears").then().statusCode(200)
                .body("participantId", equalTo(id)).body("arrearsTotal", equalTo(0))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("name")));
        given().header("Authorization", OFFICER).header("X-Purpose", "screening").contentType(ContentType.JSON)
                .body("{\"nik\":\"" + nik + "\"}").post("/participants/search").then().statusCode(200)
                .body("id", equalTo(id)).body("status", equalTo("ACTIVE")).body("nikLast4", equalTo(nik.substring(12)))
                .body("name", org.hamcrest.Matchers.nullValue()).body("birthDate", org.hamcrest.Matchers.nullValue());
        // another purpose, or the participant's whole record, is not the door's
        for (String route : new String[]{"/status", "/arrears"}) {
            given().header("Authorization", OFFICER).header("X-Purpose", "visit:7d1e5c1a-0b7e-4a8e-9d55-1f0c2b3a4d5e")
                    .get("/participants/" + id + route).then().statusCode(400).body("errors.field", hasItem("X-Purpose"));
        }
        given().header("Authorization", OFFICER).header("X-Purpose", "screening").get("/participants/" + id).then().statusCode(403);
        given().header("Authorization", OFFICER).header("X-Purpose", "screening").get("/participants/" + id + "/history").then().statusCode(403);
        assertThat(rows(ds, id)).as("the three reads of the door, audited; the refused ones read nothing").isEqualTo(3);
    }

    @Test
    void aReadWithoutAStatedPurposeIsRefusedAndReadsNothing() {
        String nik = Niks.female1990();
        String id = given().contentType(ContentType.JSON).body(Api.body(nik, Api.newFamilyCard(), "BP", "III", null, null))
                .post("/participants").then().statusCode(201).extract().path("id");
        for (String purpose : new String[]{null, " ", "because", "VISIT:1", "visit:", "visit:has space", "visit:" + "x".repeat(101), "screening:x"}) {
            var request = given().header("Authorization", FRONTLINER);
            request = purpose == null ? request.header(DefaultPurpose.NONE, "1") : request.header("X-Purpose", purpose);
            request.get("/participants/" + id).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("X-Purpose"));
        }
        given().header("Authorization", FRONTLINER).header(DefaultPurpose.NONE, "1").contentType(ContentType.JSON)
                .body("{\"nik\":\"" + nik + "\"}").post("/participants/search").then().statusCode(400).body("errors.field", hasItem("X-Purpose"));
        given().header("Authorization", FRONTLINER).header(DefaultPurpose.NONE, "1").get("/participants/" + id + "/history")
                .then().statusCode(400).body("errors.field", hasItem("X-Purpose"));
        assertThat(rows(ds, id)).isZero();
        // a look-up that finds nobody reads no participant's data: nothing to record, and still a 404
        given().header("Authorization", FRONTLINER).get("/participants/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theAccessLogIsAppendOnly() throws SQLException {
        String id = Api.register(Api.newFamilyCard(), "BP", "III", null, null).getString("id");
        given().get("/participants/" + id).then().statusCode(200);
        assertThat(rows(ds, id)).isEqualTo(1);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE participant_access SET actor = 'nobody' WHERE participant_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM participant_access WHERE participant_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(Db.rows(ds, "SELECT actor, purpose FROM participant_access WHERE participant_id = ?", UUID.fromString(id)))
                .containsExactly(List.of("test-staff", DefaultPurpose.PURPOSE));
    }
}
