package id.loket.platform.it;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.test.DefaultToken;
import id.loket.platform.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The platform's part of security: token verification, 401/403 as problem+json, branch scope, the actor. */
@QuarkusTest
class SecurityTest {

    @Inject
    EventStore store;

    @Test
    void noTokenIsA401ProblemWithABearerChallenge() {
        given().header(DefaultToken.ANONYMOUS, "1").contentType(ContentType.JSON).body("{\"name\":\"x\"}")
                .post("/tallies")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aTokenSignedByAnotherKeyIsA401() {
        given().header("Authorization", "Bearer " + TestTokens.forged("mallory", "SDA", "FRONTLINER"))
                .get("/tallies/" + UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aRoleTheRouteDoesNotOpenIsA403Problem() {
        given().header("Authorization", TestTokens.bearer("ana", null, "ANALYST"))
                .get("/tallies/" + UUID.randomUUID())
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void aUserActsOnlyOnTheirOwnBranch() {
        String sda = TestTokens.bearer("frontliner-sda-1", "SDA", "FRONTLINER");
        given().header("Authorization", sda).get("/tallies/branches/SDA").then().statusCode(200);
        given().header("Authorization", sda).get("/tallies/branches/SBY")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("SDA"));
        // a frontliner whose token names no branch is not national: only admins and analysts may be
        given().header("Authorization", TestTokens.bearer("nobody", null, "FRONTLINER"))
                .get("/tallies/branches/SDA").then().statusCode(403);
    }

    @Test
    void theSignedInSubjectIsTheActorOfEveryEventTheRequestAppends() {
        String id = given().header("Authorization", TestTokens.bearer("frontliner-sda-2", "SDA", "FRONTLINER"))
                .contentType(ContentType.JSON).body("{\"name\":\"acted\"}")
                .post("/tallies").then().statusCode(201).extract().path("id");
        var events = store.readStream("tally-" + id);
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.metadata().actor()).isEqualTo("frontliner-sda-2"));
    }

    @Test
    void publicRoutesAndOpsEndpointsNeedNoToken() {
        given().header(DefaultToken.ANONYMOUS, "1").get("/tallies/public").then().statusCode(200).body(equalTo("anonymous"));
        given().header(DefaultToken.ANONYMOUS, "1").get("/q/health/ready").then().statusCode(200);
        given().header(DefaultToken.ANONYMOUS, "1").get("/q/metrics").then().statusCode(200);
        given().header(DefaultToken.ANONYMOUS, "1").get("/q/openapi").then().statusCode(200)
                .body(containsString("bearer"));
    }

    @Test
    void projectionRebuildIsForAdministratorsOnly() {
        given().header("Authorization", TestTokens.bearer("sup", "SDA", "SUPERVISOR"))
                .post("/admin/projections/tallies/rebuild").then().statusCode(403);
    }
}
