package id.loket.queue.appointment.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AppointmentResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCheckedInAppointmentIsCalledAheadOfWalkInsLaterThanItsSlot() {
        String branch = Fixtures.branch("Asia/Jakarta");
        clock.set(Instant.parse("2032-02-02T01:00:00Z")); // 08:00 WIB
        String appointment = book(branch, "2032-02-02", "10:00").statusCode(201)
                .body("state", equalTo("BOOKED")).body("slotStartsAt", equalTo("2032-02-02T03:00:00Z"))
                .extract().path("id");
        String tomorrow = book(branch, "2032-02-03", "10:00").statusCode(201).extract().path("id");

        clock.set(Instant.parse("2032-02-02T02:50:00Z")); // 09:50 WIB
        String early = Fixtures.issue(branch, "A", "NONE");
        clock.advance(Duration.ofMinutes(15));             // 10:05
        String late = Fixtures.issue(branch, "A", "NONE");
        clock.advance(Duration.ofMinutes(5));              // 10:10: the booked visitor arrives
        String ticket = given().post("/appointments/" + appointment + "/check-in").then().statusCode(201)
                .body("source", equalTo("APPOINTMENT")).body("number", equalTo("A-003"))
                .extract().path("id");
        given().post("/appointments/" + appointment + "/check-in").then().statusCode(409)
                .body("detail", containsString("CHECKED_IN"));
        given().post("/appointments/" + tomorrow + "/check-in").then().statusCode(409)
                .body("detail", containsString("BOOKED for 2032-02-03"));
        given().get("/appointments/" + appointment).then().statusCode(200)
                .body("state", equalTo("CHECKED_IN")).body("ticketId", equalTo(ticket));

        String counter = Fixtures.openCounter(branch, "A");
        assertThat(List.of(Fixtures.serveNext(counter), Fixtures.serveNext(counter), Fixtures.serveNext(counter)))
                .containsExactly(early, ticket, late);
        // the refused check-ins drew no number
        Fixtures.issue(branch, "A", "NONE");
        given().get("/branches/" + branch + "/board").then().body("waiting[0].next", hasItem("A-004"));
    }

    @Test
    void aSlotTakesNoMoreThanItsCapacity() {
        String branch = Fixtures.branch("Asia/Jakarta");
        clock.set(Instant.parse("2032-02-02T01:00:00Z"));
        book(branch, "2032-02-04", "09:00").statusCode(201);
        book(branch, "2032-02-04", "09:00").statusCode(201);
        book(branch, "2032-02-04", "09:00").statusCode(409).body("detail", containsString("FULL"));
        book(branch, "2032-02-04", "09:30").statusCode(201);
        book(branch, "2032-02-01", "09:00").statusCode(400).body("errors.field", hasItem("slot"));
        book(branch, "2032-02-04", "9 o'clock").statusCode(400).body("errors.field", hasItem("slot"));
        given().get("/appointments/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse book(String branch, String date, String slot) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"date\":\"%s\",\"slot\":\"%s\"}".formatted(branch, date, slot))
                .post("/appointments").then();
    }
}
