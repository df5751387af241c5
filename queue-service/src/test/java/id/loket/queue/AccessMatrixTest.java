package id.loket.queue;

import id.loket.platform.test.AccessMatrix;
import id.loket.platform.test.DefaultToken;
import id.loket.platform.test.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * queue-service's role matrix (docs/security.md, "queue-service"): every route of the OpenAPI document, the roles
 * it opens to, and for the branch-scoped ones a request on data of a branch made here, which the same role from
 * another branch must be refused.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String OTHER = "SBY";
    static final String STREAM = "GET /branches/{code}/board/stream";
    static final String[] STAFF = {"SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR", "ANALYST", "ADMIN"};

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyRouteIsOpenToItsRolesOnTheirOwnBranchOnly() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A", "B");
        String ticket = Fixtures.issue(branch, "A", "NONE");
        String appointment = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"date\":\"2040-01-03\",\"slot\":\"10:00\"}".formatted(branch))
                .post("/appointments").then().statusCode(201).extract().path("id");
        String screen = "{\"branch\":\"%s\",\"purpose\":\"INFORMATION\"}".formatted(branch);

        List<String> findings = AccessMatrix.against(base, branch, OTHER)
                .route("POST /screenings", "SECURITY_OFFICER", "SUPERVISOR")
                .route("POST /screenings/check", "SECURITY_OFFICER", "SUPERVISOR")
                .route("POST /tickets", "SECURITY_OFFICER", "KIOSK", "FRONTLINER", "SUPERVISOR")
                .route("GET /tickets/{id}", "SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR")
                .route("GET /tickets/{id}/events", "SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/recall", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/no-show", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/return", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/start", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/transfer", "FRONTLINER", "SUPERVISOR")
                .route("POST /tickets/{id}/close", "FRONTLINER", "SUPERVISOR")
                .route("GET /counters/{id}", "FRONTLINER", "SUPERVISOR")
                .route("GET /counters/{id}/console", "FRONTLINER", "SUPERVISOR")
                .route("POST /counters/{id}/open", "FRONTLINER", "SUPERVISOR")
                .route("POST /counters/{id}/close", "FRONTLINER", "SUPERVISOR")
                .route("POST /counters/{id}/call-next", "FRONTLINER", "SUPERVISOR")
                .route("PUT /counters/{id}", "ADMIN", "SUPERVISOR")
                .route("POST /branches/{code}/counters", "ADMIN", "SUPERVISOR")
                .route("GET /branches/{code}/counters", "ADMIN", "SUPERVISOR")
                .route("POST /branches", "ADMIN")
                .route("GET /branches", STAFF)
                .route("GET /branches/{code}", STAFF)
                .route("POST /branches/{code}/service-types", "ADMIN")
                .route("GET /branches/{code}/service-types", STAFF)
                .route("PUT /branches/{code}/service-types/{type}", "ADMIN")
                .route("PUT /branches/{code}/service-hours", "ADMIN")
                .route("GET /branches/{code}/service-hours", STAFF)
                .route("PUT /branches/{code}/holidays/{date}", "ADMIN")
                .route("DELETE /branches/{code}/holidays/{date}", "ADMIN")
                .route("GET /branches/{code}/holidays", STAFF)
                .route("POST /branches/{code}/end-of-day", "SUPERVISOR", "ADMIN")
                .route("GET /branches/{code}/board", "SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR", "ANALYST", "ADMIN", "KIOSK")
                .route("GET /branches/{code}/board/stream", "KIOSK", "SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR", "ANALYST", "ADMIN")
                .route("GET /branches/{code}/stats", "SUPERVISOR", "ANALYST")
                .route("GET /branches/{code}/floor", "SUPERVISOR", "ADMIN")
                .route("POST /appointments", "KIOSK", "SECURITY_OFFICER", "SUPERVISOR")
                .route("GET /appointments/{id}", "KIOSK", "SECURITY_OFFICER", "SUPERVISOR")
                .route("POST /appointments/{id}/check-in", "KIOSK", "SECURITY_OFFICER", "SUPERVISOR")
                .route("POST /admin/projections/{name}/rebuild", "ADMIN")
                // branch samples: the first role of each route, from the other branch (403) and from this one
                .branchScoped("POST /screenings", "/screenings", screen)
                .branchScoped("POST /screenings/check", "/screenings/check", screen)
                .branchScoped("POST /tickets", "/tickets",
                        "{\"branch\":\"%s\",\"serviceType\":\"B\",\"source\":\"SCREENING\"}".formatted(branch))
                .branchScoped("GET /tickets/{id}", "/tickets/" + ticket, null)
                .branchScoped("GET /tickets/{id}/events", "/tickets/" + ticket + "/events", null)
                .branchScoped("POST /tickets/{id}/recall", "/tickets/" + ticket + "/recall", null)
                .branchScoped("POST /tickets/{id}/no-show", "/tickets/" + ticket + "/no-show", null)
                .branchScoped("POST /tickets/{id}/return", "/tickets/" + ticket + "/return", "{}")
                .branchScoped("POST /tickets/{id}/start", "/tickets/" + ticket + "/start", null)
                .branchScoped("POST /tickets/{id}/transfer", "/tickets/" + ticket + "/transfer", "{\"serviceType\":\"B\"}")
                .branchScoped("POST /tickets/{id}/close", "/tickets/" + ticket + "/close", "{\"outcome\":\"SERVED\"}")
                .branchScoped("GET /counters/{id}", "/counters/" + counter, null)
                .branchScoped("GET /counters/{id}/console", "/counters/" + counter + "/console", null)
                .branchScoped("POST /counters/{id}/open", "/counters/" + counter + "/open", "{\"staff\":\"someone\"}")
                .branchScoped("POST /counters/{id}/close", "/counters/" + counter + "/close", null)
                .branchScoped("POST /counters/{id}/call-next", "/counters/" + counter + "/call-next", null)
                .branchScoped("PUT /counters/{id}", "/counters/" + counter, "{\"name\":\"Loket 1\",\"serviceTypes\":[\"A\",\"B\"]}")
                .branchScoped("POST /branches/{code}/counters", "/branches/" + branch + "/counters",
                        "{\"id\":\"%s-X\",\"name\":\"Loket X\",\"serviceTypes\":[\"A\"]}".formatted(branch))
                .branchScoped("GET /branches/{code}/counters", "/branches/" + branch + "/counters", null)
                .branchScoped("POST /branches", "/branches",
                        "{\"code\":\"%s\",\"name\":\"again\",\"zoneId\":\"Asia/Jakarta\"}".formatted(branch))
                .branchScoped("GET /branches/{code}", "/branches/" + branch, null)
                .branchScoped("POST /branches/{code}/service-types", "/branches/" + branch + "/service-types",
                        "{\"code\":\"D\",\"prefix\":\"D\",\"name\":\"type D\"}")
                .branchScoped("GET /branches/{code}/service-types", "/branches/" + branch + "/service-types", null)
                .branchScoped("PUT /branches/{code}/service-types/{type}", "/branches/" + branch + "/service-types/A",
                        "{\"name\":\"type A\",\"waitTargetMinutes\":20}")
                .branchScoped("PUT /branches/{code}/service-hours", "/branches/" + branch + "/service-hours", "{\"hours\":[]}")
                .branchScoped("GET /branches/{code}/service-hours", "/branches/" + branch + "/service-hours", null)
                .branchScoped("PUT /branches/{code}/holidays/{date}", "/branches/" + branch + "/holidays/2040-02-01",
                        "{\"name\":\"Libur\",\"kind\":\"REGIONAL\"}")
                .branchScoped("DELETE /branches/{code}/holidays/{date}", "/branches/" + branch + "/holidays/2040-02-02", null)
                .branchScoped("GET /branches/{code}/holidays", "/branches/" + branch + "/holidays?year=2040", null)
                .branchScoped("POST /branches/{code}/end-of-day", "/branches/" + branch + "/end-of-day", null)
                .branchScoped("GET /branches/{code}/board", "/branches/" + branch + "/board", null)
                .branchScoped("GET /branches/{code}/board/stream", "/branches/" + branch + "/board/stream", null)
                .branchScoped("GET /branches/{code}/stats", "/branches/" + branch + "/stats", null)
                .branchScoped("GET /branches/{code}/floor", "/branches/" + branch + "/floor", null)
                .branchScoped("POST /appointments", "/appointments",
                        "{\"branch\":\"%s\",\"serviceType\":\"A\",\"date\":\"2040-01-04\",\"slot\":\"10:00\"}".formatted(branch))
                .branchScoped("GET /appointments/{id}", "/appointments/" + appointment, null)
                .branchScoped("POST /appointments/{id}/check-in", "/appointments/" + appointment + "/check-in", null)
                .check();
        assertThat(findings).isEmpty();
        // the stream's refusals again with the Accept of a display
        stream(branch, null).statusCode(401).contentType("application/problem+json");
        stream(branch, TestTokens.bearer("kiosk-" + OTHER, OTHER, "KIOSK")).statusCode(403)
                .contentType("application/problem+json").body("type", containsString("forbidden-branch"));
        stream("SDA", TestTokens.bearer("kiosk-" + branch, branch, "KIOSK")).statusCode(403)
                .contentType("application/problem+json").body("type", containsString("forbidden-branch"));
        for (String role : STAFF) {
            stream(branch, TestTokens.bearer("other-" + role, OTHER, role)).statusCode(403);
        }
        // and the own branch's display gets the stream: BoardStreamTest
    }

    /** The live board as a display asks for it; only refusals are read here (a let-through stream does not end). */
    private static io.restassured.response.ValidatableResponse stream(String branch, String authorization) {
        var request = given().accept("text/event-stream");
        request = authorization == null ? request.header(DefaultToken.ANONYMOUS, "yes") : request.header("Authorization", authorization);
        return request.get("/branches/" + branch + "/board/stream").then();
    }

    @Test
    void theKioskIssuesTicketsFromTheKioskOnly() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String kiosk = TestTokens.bearer("kiosk-" + branch, branch, "KIOSK");
        given().header("Authorization", kiosk).contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"source\":\"SCREENING\"}".formatted(branch))
                .post("/tickets").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden-source"))
                .body("detail", containsString("source KIOSK"))
                .body("errors.field", hasItem("source"));
        // nothing was issued and no number drawn: the kiosk's own ticket is the branch's first
        given().header("Authorization", kiosk).contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"source\":\"KIOSK\"}".formatted(branch))
                .post("/tickets").then().statusCode(201).body("number", equalTo("A-001")).body("source", equalTo("KIOSK"));
        given().get("/branches/" + branch + "/board").then().statusCode(200).body("waiting[0].next", equalTo(List.of("A-001")));
    }

    @Test
    void aFrontlinerOfSidoarjoCannotCallNextAtACounterOfAnotherBranch() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String ticket = Fixtures.issue(branch, "A", "NONE");
        given().header("Authorization", TestTokens.bearer("frontliner-sda-1", "SDA", "FRONTLINER"))
                .post("/counters/" + counter + "/call-next").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", containsString("forbidden-branch"))
                .body("detail", containsString("branch SDA may not act on branch " + branch));
        // nothing was written: the ticket still waits, with its issue as its only event, and the branch's own
        // frontliner calls it
        given().get("/tickets/" + ticket).then().statusCode(200).body("state", equalTo("WAITING"));
        given().get("/tickets/" + ticket + "/events").then().statusCode(200).body("size()", equalTo(1));
        given().header("Authorization", TestTokens.bearer("frontliner-" + branch, branch, "FRONTLINER"))
                .post("/counters/" + counter + "/call-next").then().statusCode(200)
                .body("id", equalTo(ticket)).body("counterId", equalTo(counter));
    }
}
