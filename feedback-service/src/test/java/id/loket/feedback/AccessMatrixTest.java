package id.loket.feedback;

import id.loket.platform.test.AccessMatrix;
import id.loket.platform.test.DefaultToken;
import id.loket.platform.test.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** feedback-service's rows of docs/security.md: who may call each route, and on which branch's visits. */
@QuarkusTest
class AccessMatrixTest {

    static final String[] COUNTER = {"FRONTLINER", "SUPERVISOR"};
    static final String[] REPORTS = {"SUPERVISOR", "ANALYST"};

    @TestHTTPResource("/")
    URI base;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String sdaVisitWithSurvey() throws Exception {
        String visitId = UUID.randomUUID().toString();
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            queue.closeVisitAndAwaitSurvey(visitId, "SDA", "C1", "ADMINISTRATION",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), "Asia/Jakarta");
        }
        return visitId;
    }

    @Test
    void everyRouteIsOpenToTheRolesOfTheMatrixAndVisitsAndReportsToTheirOwnBranch() throws Exception {
        String visitId = sdaVisitWithSurvey();
        String days = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);
        List<String> findings = AccessMatrix.against(base, "SDA", "SBY")
                .route("GET /survey/{token}", AccessMatrix.PUBLIC)
                .route("GET /surveys/{token}", AccessMatrix.PUBLIC)
                .route("POST /surveys/{token}", AccessMatrix.PUBLIC)
                .route("GET /surveys/{token}/qr.png", AccessMatrix.PUBLIC)
                .route("GET /visits/{visitId}/survey", COUNTER)
                .route("GET /satisfaction", REPORTS)
                .route("GET /satisfaction/comments", REPORTS)
                .route("GET /branches/{code}/satisfaction/today", REPORTS)
                .route("POST /admin/projections/{name}/rebuild", "ADMIN")
                .branchScoped("GET /visits/{visitId}/survey", "/visits/" + visitId + "/survey", null)
                .branchScoped("GET /satisfaction", "/satisfaction?branch=SDA&" + days, null)
                .branchScoped("GET /branches/{code}/satisfaction/today", "/branches/SDA/satisfaction/today", null)
                .branchScoped("GET /satisfaction/comments", "/satisfaction/comments?branch=SDA&" + days, null)
                .check();
        assertThat(findings).isEmpty();
    }

    @Test
    void theSurveyLinkIsForTheVisitsBranchOnly() throws Exception {
        String visitId = sdaVisitWithSurvey();
        given().header("Authorization", TestTokens.bearer("frontliner-sby", "SBY", "FRONTLINER"))
                .get("/visits/" + visitId + "/survey")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("forbidden-branch"))
                .body(org.hamcrest.Matchers.not(containsString("/survey/"))); // no link, no token
        String pageUrl = given().header("Authorization", TestTokens.bearer("frontliner-sda", "SDA", "FRONTLINER"))
                .get("/visits/" + visitId + "/survey").then().statusCode(200).extract().path("pageUrl");

        // the participant's page and the survey behind it need no token at all
        String token = pageUrl.substring(pageUrl.lastIndexOf('/') + 1);
        given().header(DefaultToken.ANONYMOUS, "1").get("/survey/" + token).then().statusCode(200)
                .contentType(containsString("text/html"));
        given().header(DefaultToken.ANONYMOUS, "1").get("/surveys/" + token).then().statusCode(200)
                .body("branch", equalTo("SDA"));
        // and the counter screen's route does
        given().header(DefaultToken.ANONYMOUS, "1").get("/visits/" + visitId + "/survey").then().statusCode(401);
    }

    @Test
    void satisfactionIsForTheSupervisorsBranchOrAnyForANationalAnalyst() {
        String days = "&from=" + LocalDate.now() + "&to=" + LocalDate.now();
        String supervisor = TestTokens.bearer("supervisor-sda", "SDA", "SUPERVISOR");
        given().header("Authorization", supervisor).get("/satisfaction?branch=SDA" + days).then().statusCode(200);
        given().header("Authorization", supervisor).get("/satisfaction?branch=SBY" + days).then().statusCode(403);
        given().header("Authorization", supervisor).get("/satisfaction/comments?branch=SBY" + days).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst-sda", "SDA", "ANALYST"))
                .get("/satisfaction?branch=SBY" + days).then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST"))
                .get("/satisfaction?branch=SBY" + days).then().statusCode(200).body("branch", equalTo("SBY"));
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST"))
                .get("/satisfaction/comments?branch=SBY" + days).then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("frontliner-sda", "SDA", "FRONTLINER"))
                .get("/satisfaction?branch=SDA" + days).then().statusCode(403);
    }
}
