package id.loket.platform.it;

import id.loket.platform.eventstore.EventStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class HttpConventionsTest {

    @Inject
    EventStore store;

    @Test
    void invalidFieldIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .post("/tallies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid input"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aNulCharacterIsA400NamingTheFieldNotA500FromTheDatabase() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\u0000b\"}")
                .post("/tallies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void httpTimingsArePublishedAsAHistogramForPercentilesPerRoute() {
        given().get("/tallies/" + java.util.UUID.randomUUID()).then().statusCode(404);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests_seconds_bucket{");
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/tallies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", containsString("malformed"));
    }

    @Test
    void wrongTypeIsA400NamingTheField() {
        UUID id = Tallies.open("typed");
        given().contentType(ContentType.JSON).body("{\"by\":\"lots\"}")
                .post("/tallies/" + id + "/increments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("by"));
    }

    @Test
    void unknownEnumValueIsA400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"colour\":\"PURPLE\"}")
                .post("/tallies")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("RED"));
    }

    @Test
    void missingBodyIsA400() {
        given().contentType(ContentType.JSON)
                .post("/tallies")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badPathParameterIsNotA500() {
        given().get("/tallies/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aControlCharacterInThePathIsA404BeforeAnyCodeRuns() {
        given().urlEncodingEnabled(false).get("/tallies/a%00b")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no such resource"));
    }

    @Test
    void unknownResourceIsA404() {
        given().get("/tallies/" + UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("no tally"));
        given().get("/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staleExpectedVersionIsA409AndNothingIsWritten() {
        UUID id = Tallies.open("contended");
        given().contentType(ContentType.JSON).body("{\"by\":1,\"expectedVersion\":1}")
                .post("/tallies/" + id + "/increments").then().statusCode(200).body("total", equalTo(1));
        // a second writer that also saw version 1
        given().contentType(ContentType.JSON).body("{\"by\":5,\"expectedVersion\":1}")
                .post("/tallies/" + id + "/increments")
                .then().statusCode(409)
                .contentType("application/problem+json");
        assertThat(store.readStream("tally-" + id)).hasSize(2);
        given().get("/tallies/" + id).then().body("total", equalTo(1));
    }

    @Test
    void ruleViolationIsA409() {
        given().contentType(ContentType.JSON).body("{\"by\":1}")
                .post("/tallies/" + UUID.randomUUID() + "/increments")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("not open"));
    }

    @Test
    void correlationIdIsEchoedAndGeneratedWhenAbsent() {
        given().header("X-Correlation-Id", "visit-42").contentType(ContentType.JSON).body("{\"name\":\"c\"}")
                .post("/tallies").then().statusCode(201).header("X-Correlation-Id", "visit-42");
        given().contentType(ContentType.JSON).body("{\"name\":\"d\"}")
                .post("/tallies").then().statusCode(201).header("X-Correlation-Id", notNullValue());
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerAndRunsTheCommandOnce() {
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"once\"}")
                .post("/tallies").then().statusCode(201).extract().path("id");
        String again = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"once\"}")
                .post("/tallies").then().statusCode(201)
                .header("Location", containsString(first))
                .extract().path("id");
        assertThat(again).isEqualTo(first);
        given().get("/tallies/" + first).then().statusCode(200).body("name", equalTo("once"));

        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"other\"}")
                .post("/tallies").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void failedCommandDoesNotBurnItsIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"\"}")
                .post("/tallies").then().statusCode(400);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"name\":\"fixed\"}")
                .post("/tallies").then().statusCode(201);
    }
}
