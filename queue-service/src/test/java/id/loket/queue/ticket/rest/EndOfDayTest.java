package id.loket.queue.ticket.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EndOfDayTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void closingPolicyEndsWhatStillWaitsButNotWhatIsBeingServed() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String counter2 = Fixtures.openCounter(branch, "A");
        String served = Fixtures.issue(branch, "A", "NONE");
        String called = Fixtures.issue(branch, "A", "NONE");
        String waiting = Fixtures.issue(branch, "A", "NONE");
        Fixtures.callNext(counter);
        given().post("/tickets/" + served + "/start").then().statusCode(200);
        assertThat(Fixtures.callNext(counter2)).isEqualTo(called);

        given().post("/branches/" + branch + "/end-of-day").then().statusCode(200)
                .body("policy", equalTo("CLOSE")).body("tickets", equalTo(2));
        given().get("/tickets/" + called).then().body("state", equalTo("END_OF_DAY"));
        given().get("/tickets/" + waiting).then().body("state", equalTo("END_OF_DAY"));
        given().get("/tickets/" + served).then().body("state", equalTo("SERVING"));
        given().get("/tickets/" + waiting + "/events").then().body("type", hasItem("TicketClosedAtEndOfDay"));
        given().post("/counters/" + counter2 + "/call-next").then().statusCode(204); // its called ticket ended
        given().contentType(ContentType.JSON).post("/tickets/" + waiting + "/start").then().statusCode(409);
        given().post("/branches/" + branch + "/end-of-day").then().statusCode(200).body("tickets", equalTo(0));
    }

    @Test
    void carryOverKeepsTheQueueAndItsOrderIntoTheNextDay() {
        String branch = Fixtures.uniqueCode();
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"Overnight\",\"zoneId\":\"Asia/Jayapura\",\"endOfDayPolicy\":\"CARRY_OVER\"}".formatted(branch))
                .post("/branches").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"code\":\"A\",\"prefix\":\"A\",\"name\":\"admin\"}")
                .post("/branches/" + branch + "/service-types").then().statusCode(201);
        clock.set(Instant.parse("2030-06-10T07:00:00Z")); // 16:00 WIT
        String first = Fixtures.issue(branch, "A", "NONE");
        String second = Fixtures.issue(branch, "A", "NONE");
        given().post("/branches/" + branch + "/end-of-day").then().statusCode(200)
                .body("policy", equalTo("CARRY_OVER")).body("businessDate", equalTo("2030-06-10")).body("tickets", equalTo(2));
        given().get("/tickets/" + first).then().body("state", equalTo("WAITING")).body("businessDate", equalTo("2030-06-11"));
        given().post("/branches/" + branch + "/end-of-day").then().statusCode(200).body("tickets", equalTo(0));

        clock.set(Instant.parse("2030-06-11T00:30:00Z")); // 09:30 WIT the next day
        String counter = Fixtures.openCounter(branch, "A");
        assertThat(List.of(Fixtures.serveNext(counter), Fixtures.serveNext(counter))).containsExactly(first, second);
        given().get("/tickets/" + second + "/events").then().body("type", hasItem("TicketCarriedOver"));
    }
}
