package id.loket.complaint;

import id.loket.platform.test.AccessMatrix;
import id.loket.platform.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** complaint-service's rows of docs/security.md: who may call each route, and on which branch's complaints. */
@QuarkusTest
class AccessMatrixTest {

    static final String[] STAFF = {"SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR", "ANALYST", "ADMIN"};
    static final String[] COUNTER = {"FRONTLINER", "SUPERVISOR"};
    static final String SDA_FRONTLINER = TestTokens.bearer("frontliner-sda-1", "SDA", "FRONTLINER");
    static final String SBY_FRONTLINER = TestTokens.bearer("frontliner-sby-1", "SBY", "FRONTLINER");

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyRouteIsOpenToTheRolesOfTheMatrixAndComplaintsToTheirOwnBranch() {
        String id = Api.register("SDA", "INFORMATION", "COUNTER");
        String c = "/complaints/" + id;
        String today = LocalDate.now().toString();
        List<String> findings = AccessMatrix.against(base, "SDA", "SBY")
                .route("GET /complaint-categories", STAFF)
                .route("GET /digital-channels", STAFF)
                .route("POST /complaints", COUNTER)
                .route("GET /complaints", COUNTER)
                .route("GET /complaints/{id}", COUNTER)
                .route("POST /complaints/{id}/documents", COUNTER)
                .route("POST /complaints/{id}/respond", COUNTER)
                .route("POST /complaints/{id}/pause", COUNTER)
                .route("POST /complaints/{id}/resume", COUNTER)
                .route("POST /complaints/{id}/escalate", COUNTER)
                .route("POST /complaints/{id}/resolve", COUNTER)
                .route("POST /complaints/{id}/reopen", COUNTER)
                .route("POST /complaints/{id}/education", COUNTER)
                .route("GET /reports/complaint-patterns", "SUPERVISOR", "ANALYST")
                .route("GET /branches/{code}/complaints/attention", "SUPERVISOR", "ANALYST")
                .route("POST /admin/projections/{name}/rebuild", "ADMIN")
                .branchScoped("POST /complaints", "/complaints", Api.registerBody("SDA", "INFORMATION", "COUNTER"))
                .branchScoped("GET /complaints", "/complaints?branch=SDA", null)
                .branchScoped("GET /complaints/{id}", c, null)
                .branchScoped("POST /complaints/{id}/documents", c + "/documents", "{\"type\":\"JKN_CARD\",\"number\":\"0001\"}")
                .branchScoped("POST /complaints/{id}/respond", c + "/respond", "{\"message\":\"Sedang kami periksa\"}")
                .branchScoped("POST /complaints/{id}/pause", c + "/pause", "{\"reason\":\"menunggu dokumen\"}")
                .branchScoped("POST /complaints/{id}/resume", c + "/resume", null)
                .branchScoped("POST /complaints/{id}/escalate", c + "/escalate", "{\"to\":\"BRANCH_HEAD\",\"reason\":\"perlu keputusan\"}")
                .branchScoped("POST /complaints/{id}/resolve", c + "/resolve", "{\"resolution\":\"dijelaskan\",\"actionTaken\":\"informasi\"}")
                .branchScoped("POST /complaints/{id}/reopen", c + "/reopen", "{\"reason\":\"belum jelas\"}")
                .branchScoped("POST /complaints/{id}/education", c + "/education", "{\"channels\":[\"MOBILE_JKN\"]}")
                .branchScoped("GET /branches/{code}/complaints/attention", "/branches/SDA/complaints/attention", null)
                .branchScoped("GET /reports/complaint-patterns", "/reports/complaint-patterns?from=" + today + "&to=" + today + "&branch=SDA", null)
                .check();
        assertThat(findings).isEmpty();
    }

    @Test
    void anotherBranchIsRefusedBeforeAnythingIsWritten() throws Exception {
        String id = Api.register("SDA", "INFORMATION", "COUNTER");
        String stream = "complaint-" + id;
        long before = Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id = ?", stream);

        given().header("Authorization", SBY_FRONTLINER).contentType(ContentType.JSON).body("{\"message\":\"bukan cabang saya\"}")
                .post("/complaints/" + id + "/respond")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("forbidden-branch"));
        given().header("Authorization", SBY_FRONTLINER).get("/complaints/" + id).then().statusCode(403);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id = ?", stream)).isEqualTo(before);

        // registering for another branch writes nothing either
        long registered = Api.count(dataSource, "SELECT count(*) FROM event_store WHERE event_type = 'ComplaintRegistered'");
        given().header("Authorization", SBY_FRONTLINER).contentType(ContentType.JSON)
                .body(Api.registerBody("SDA", "INFORMATION", "COUNTER"))
                .post("/complaints").then().statusCode(403);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE event_type = 'ComplaintRegistered'")).isEqualTo(registered);

        // the branch's own frontliner goes on, and is the actor of the event
        given().header("Authorization", SDA_FRONTLINER).contentType(ContentType.JSON).body("{\"message\":\"Sedang kami periksa\"}")
                .post("/complaints/" + id + "/respond").then().statusCode(200)
                .body("respondedAt", notNullValue()); // the answer shows the step just taken, not the state before it
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id = ? AND metadata->>'actor' = 'frontliner-sda-1'",
                stream)).isEqualTo(1);
    }

    @Test
    void theListShowsABranchUserOnlyTheirOwnBranch() throws Exception {
        String other = Api.newBranch(dataSource);
        String theirs = Api.register(other, "INFORMATION", "COUNTER");
        Api.register("SDA", "INFORMATION", "COUNTER");

        given().header("Authorization", SDA_FRONTLINER).queryParam("size", 200).get("/complaints")
                .then().statusCode(200)
                .body("items.branch", everyItem(equalTo("SDA")))
                .body("items.branch", hasItem("SDA"));
        given().header("Authorization", SDA_FRONTLINER).queryParam("branch", other).get("/complaints")
                .then().statusCode(403).contentType("application/problem+json");
        // a frontliner whose token names no branch reads no branch's list
        given().header("Authorization", TestTokens.bearer("nobody", null, "FRONTLINER")).get("/complaints")
                .then().statusCode(403);
        // a national user (the staff token: no branch) sees every branch
        given().queryParam("branch", other).get("/complaints").then().statusCode(200)
                .body("items.id", hasItem(theirs));
    }

    @Test
    void patternReportsAreForTheSupervisorsBranchOrNationalForAnAnalyst() throws Exception {
        String other = Api.newBranch(dataSource);
        String today = LocalDate.now().toString();
        String url = "/reports/complaint-patterns?from=" + today + "&to=" + today;
        String supervisor = TestTokens.bearer("supervisor-sda-1", "SDA", "SUPERVISOR");

        given().header("Authorization", supervisor).get(url).then().statusCode(200).body("branch", equalTo("SDA"));
        given().header("Authorization", supervisor).get(url + "&branch=" + other).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst-sda", "SDA", "ANALYST")).get(url + "&branch=" + other)
                .then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST")).get(url)
                .then().statusCode(200).body("branch", nullValue());
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST")).get(url + "&branch=" + other)
                .then().statusCode(200).body("branch", equalTo(other));
        // a frontliner has no reports
        given().header("Authorization", SDA_FRONTLINER).get(url).then().statusCode(403);
    }
}
