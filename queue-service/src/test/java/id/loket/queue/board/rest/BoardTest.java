package id.loket.queue.board.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BoardTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void boardShowsWhoIsServedWhereWhoWaitsAndWhoIsNext() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter1 = Fixtures.openCounter(branch, "A");
        String counter2 = Fixtures.openCounter(branch, "A", "B");
        clock.freeze();
        String a1 = Fixtures.issue(branch, "A", "NONE");
        clock.advance(Duration.ofSeconds(1));                      // (a frozen clock would tie issue times)
        Fixtures.issue(branch, "A", "NONE");
        clock.advance(Duration.ofSeconds(1));
        Fixtures.issue(branch, "A", "NONE");
        Fixtures.issue(branch, "B", "NONE");                       // B-001

        given().get("/branches/" + branch + "/board").then().statusCode(200)
                .body("waiting.find { it.serviceType == 'A' }.estimatedWaitSeconds", nullValue());

        // counter 1 serves A-001 for 200 s: today's mean service time for A is 200 s
        org.assertj.core.api.Assertions.assertThat(Fixtures.callNext(counter1)).isEqualTo(a1);
        given().post("/tickets/" + a1 + "/start").then().statusCode(200);
        clock.advance(Duration.ofSeconds(200));
        given().contentType(ContentType.JSON).body("{\"outcome\":\"INFORMATION_GIVEN\"}").post("/tickets/" + a1 + "/close")
                .then().statusCode(200);
        Fixtures.issue(branch, "A", "PREGNANT");                   // A-004, called before
        Fixtures.callNext(counter2);                               // A-004 (priority)
        String a2 = Fixtures.callNext(counter1);
        given().post("/tickets/" + a2 + "/start").then().statusCode(200);

        given().get("/branches/" + branch + "/board").then().statusCode(200)
                .body("branch", equalTo(branch))
                .body("nowServing.counterId", contains(counter1, counter2))
                .body("nowServing.ticketNumber", contains("A-002", "A-004"))
                .body("nowServing.state", contains("SERVING", "CALLED"))
                .body("waiting.serviceType", contains("A", "B", "C"))
                .body("waiting.count", contains(1, 1, 0))
                .body("waiting[0].next", contains("A-003"))
                .body("waiting[1].next", contains("B-001"))
                // 1 waiting × 200 s ÷ 2 open counters serving A
                .body("waiting[0].estimatedWaitSeconds", equalTo(100))
                .body("waiting[1].estimatedWaitSeconds", nullValue());
        given().get("/branches/NOPE/board").then().statusCode(404);
    }
}
