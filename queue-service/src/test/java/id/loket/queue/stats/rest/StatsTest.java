package id.loket.queue.stats.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class StatsTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theDaysFiguresComeFromAKnownSequenceOfEvents() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String c1 = Fixtures.openCounter(branch, "A");
        String c2 = Fixtures.openCounter(branch, "B");
        clock.set(Instant.parse("2031-01-15T02:00:00Z")); // 09:00 WIB
        clock.freeze();
        String a1 = Fixtures.issue(branch, "A", "NONE");           // at t0
        clock.advance(Duration.ofSeconds(1));
        String a2 = Fixtures.issue(branch, "A", "NONE");           // t0 + 1
        clock.advance(Duration.ofSeconds(1));
        String a3 = Fixtures.issue(branch, "A", "NONE");           // t0 + 2
        clock.advance(Duration.ofSeconds(1));                       // B-001 at t0 + 3
        String b1 = given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"purpose\":\"COMPLAINT\"}".formatted(branch))
                .post("/screenings").then().statusCode(201).body("outcome", equalTo("TICKET")).extract().path("ticket.id");
        screenAway(branch, "INFORMATION");
        screenAway(branch, "INFORMATION");
        screenAway(branch, "PRINT_CARD");

        clock.advance(Duration.ofSeconds(57));
        serve(c1, a1, 100);                    // called at t0 + 60: waited 60, served 100
        serve(c1, a2, 300);                    // called at t0 + 160: waited 159, served 300
        serve(c2, b1, 40);                     // called at t0 + 460: waited 457, served 40
        assertThat(Fixtures.callNext(c1)).isEqualTo(a3);
        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(121));
            given().post("/tickets/" + a3 + "/recall").then().statusCode(200);
        }
        clock.advance(Duration.ofSeconds(121));
        given().post("/tickets/" + a3 + "/no-show").then().statusCode(200);

        // B's visitor waited 457 s: beyond a 5-minute target; A's two waited within the default 15 minutes
        given().contentType(ContentType.JSON).body("{\"name\":\"type B\",\"waitTargetMinutes\":5}")
                .put("/branches/" + branch + "/service-types/B").then().statusCode(200);
        given().config(RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE)))
                .get("/branches/" + branch + "/stats?date=2031-01-15").then().statusCode(200)
                .body("byServiceType.waitTargetMinutes", contains(15, 5))
                .body("byServiceType.withinTargetShare", contains(1.0, 0.0))
                .body("byCounter.find { it.key == '%s' }.waitTargetMinutes".formatted(c2), org.hamcrest.Matchers.nullValue())
                .body("byCounter.find { it.key == '%s' }.withinTargetShare".formatted(c2), closeTo(0.0, 1e-9))
                .body("screenings", equalTo(4))
                .body("screenedAway", equalTo(3))
                .body("screenedAwayShare", closeTo(0.75, 1e-9))
                .body("visits", equalTo(3))
                .body("noShows", equalTo(1))
                .body("noShowRate", closeTo(0.25, 1e-9))
                .body("byServiceType.key", contains("A", "B"))
                .body("byServiceType[0].visits", equalTo(2))
                .body("byServiceType[0].meanWaitSeconds", closeTo(109.5, 1e-6))
                .body("byServiceType[0].p90WaitSeconds", closeTo(149.1, 1e-6))
                .body("byServiceType[0].meanServiceSeconds", closeTo(200.0, 1e-6))
                .body("byServiceType[0].p90ServiceSeconds", closeTo(280.0, 1e-6))
                .body("byServiceType[1].meanWaitSeconds", closeTo(457.0, 1e-6))
                .body("byServiceType[1].meanServiceSeconds", closeTo(40.0, 1e-6))
                .body("byCounter.key", org.hamcrest.Matchers.containsInAnyOrder(c1, c2))
                .body("byCounter.find { it.key == '%s' }.visits".formatted(c1), equalTo(2))
                .body("byCounter.find { it.key == '%s' }.meanServiceSeconds".formatted(c1), closeTo(200.0, 1e-6))
                .body("byCounter.find { it.key == '%s' }.visits".formatted(c2), equalTo(1));
        given().get("/branches/" + branch + "/stats?date=2031-01-16").then().statusCode(200)
                .body("visits", equalTo(0)).body("screenings", equalTo(0));
        given().get("/branches/" + branch + "/stats?date=yesterday").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("date"));
        given().get("/branches/NOPE/stats").then().statusCode(404);
    }

    private void serve(String counter, String ticket, int seconds) {
        assertThat(Fixtures.callNext(counter)).isEqualTo(ticket);
        given().post("/tickets/" + ticket + "/start").then().statusCode(200);
        clock.advance(Duration.ofSeconds(seconds));
        given().contentType(ContentType.JSON).body("{\"outcome\":\"DONE\"}").post("/tickets/" + ticket + "/close")
                .then().statusCode(200);
    }

    private static void screenAway(String branch, String purpose) {
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"purpose\":\"%s\"}".formatted(branch, purpose))
                .post("/screenings").then().statusCode(201).body("ticket", org.hamcrest.Matchers.nullValue());
    }
}
