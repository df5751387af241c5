package id.loket.queue.branch.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Service hours in the branch's own zone: a WIB and a WITA branch, both open Monday–Friday 08:00–15:00 local time
 * (01:00–08:00 UTC in WIB, 00:00–07:00 UTC in WITA). 2031-03-03 is a Monday.
 */
@QuarkusTest
public class ServiceHoursTest {

    public static final String WEEKDAYS = """
            {"hours":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"08:00","closes":"15:00"}]}""";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void kioskTicketsOnlyWithinTheHoursOfTheBranchsZone() {
        at("2031-03-02T12:00:00Z"); // a Sunday, before anything below
        String wib = branchWithWeekdayHours("Asia/Jakarta");
        String wita = branchWithWeekdayHours("Asia/Makassar");

        at("2031-03-03T00:59:59Z"); // 07:59:59 WIB
        kiosk(wib).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://loket.id/problems/branch-closed"))
                .body("title", equalTo("Branch closed"))
                .body("status", equalTo(409))
                .body("branch", equalTo(wib))
                .body("detail", containsString("MONDAY–FRIDAY 08:00–15:00"))
                .body("opensAt", equalTo("2031-03-03T01:00:00Z"))
                .body("opensAtLocal", equalTo("2031-03-03T08:00+07:00"));
        kiosk(wita).statusCode(201).body("number", equalTo("A-001"));  // 08:59:59 WITA
        at("2031-03-03T01:00:00Z"); // 08:00 WIB: opens
        kiosk(wib).statusCode(201).body("number", equalTo("A-001"));   // the refused one took no number
        at("2031-03-03T06:59:59Z"); // 14:59:59 WITA
        kiosk(wita).statusCode(201).body("number", equalTo("A-002"));
        at("2031-03-03T07:00:00Z"); // 15:00 WITA: closes there, 14:00 WIB
        kiosk(wita).statusCode(409).body("opensAt", equalTo("2031-03-04T00:00:00Z"))
                .body("opensAtLocal", equalTo("2031-03-04T08:00+08:00"));
        kiosk(wib).statusCode(201).body("number", equalTo("A-002"));
        at("2031-03-03T07:59:59Z"); // 14:59:59 WIB
        kiosk(wib).statusCode(201).body("number", equalTo("A-003"));
        at("2031-03-03T08:00:00Z"); // 15:00 WIB: closes
        kiosk(wib).statusCode(409).body("opensAtLocal", equalTo("2031-03-04T08:00+07:00"))
                .body("detail", containsString("TUESDAY 2031-03-04 at 08:00"));

        at("2031-03-02T23:59:59Z"); // Monday 07:59:59 WITA (Sunday in UTC)
        kiosk(wita).statusCode(409).body("opensAt", equalTo("2031-03-03T00:00:00Z"));
        at("2031-03-03T00:00:00Z"); // Monday 08:00 WITA
        kiosk(wita).statusCode(201);

        at("2031-03-07T08:30:00Z"); // Friday 15:30 WIB: next opening after the weekend
        kiosk(wib).statusCode(409).body("opensAtLocal", equalTo("2031-03-10T08:00+07:00"))
                .body("detail", containsString("MONDAY 2031-03-10 at 08:00"));
        at("2031-03-08T03:00:00Z"); // Saturday 10:00 WIB
        kiosk(wib).statusCode(409).body("opensAt", equalTo("2031-03-10T01:00:00Z"));
    }

    @Test
    void theDoorGivesNoTicketWhileClosedButStillAnswers() {
        at("2031-03-02T12:00:00Z");
        String wita = branchWithWeekdayHours("Asia/Makassar");
        at("2031-03-03T07:00:00Z"); // 15:00 WITA
        given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"purpose\":\"COMPLAINT\",\"outcome\":\"TICKET\",\"serviceType\":\"B\"}".formatted(wita))
                .post("/screenings").then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Branch closed")).body("opensAt", equalTo("2031-03-04T00:00:00Z"));
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"purpose\":\"INFORMATION\"}".formatted(wita))
                .post("/screenings").then().statusCode(201).body("outcome", equalTo("ANSWERED_ON_SPOT"));
        at("2031-03-03T06:59:00Z"); // 14:59 WITA
        given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"purpose\":\"COMPLAINT\",\"outcome\":\"TICKET\",\"serviceType\":\"B\"}".formatted(wita))
                .post("/screenings").then().statusCode(201).body("ticket.number", equalTo("B-001"));
    }

    @Test
    void appointmentsOnlyInSlotsWithinServiceHours() {
        at("2031-03-02T12:00:00Z");
        String wita = branchWithWeekdayHours("Asia/Makassar");
        book(wita, "2031-03-03", "08:00").statusCode(201).body("slotStartsAt", equalTo("2031-03-03T00:00:00Z"));
        book(wita, "2031-03-03", "14:30").statusCode(201);
        book(wita, "2031-03-03", "15:00").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("slot"))
                .body("detail", containsString("slot 15:00 on MONDAY 2031-03-03 is outside the branch's service hours"));
        book(wita, "2031-03-03", "07:30").statusCode(400).body("errors.field", hasItem("slot"));
        book(wita, "2031-03-08", "10:00").statusCode(400).body("detail", containsString("SATURDAY"));
        // the booked visitor may check in before the doors open: the slot was checked when it was booked
        String early = book(wita, "2031-03-04", "08:00").statusCode(201).extract().path("id");
        at("2031-03-03T23:45:00Z"); // Tuesday 07:45 WITA
        kiosk(wita).statusCode(409);
        given().post("/appointments/" + early + "/check-in").then().statusCode(201).body("source", equalTo("APPOINTMENT"));
    }

    @Test
    void hoursAreSetChangedAndClearedThroughTheBranchAdmin() {
        at("2031-03-02T12:00:00Z");
        String code = Fixtures.uniqueCode();
        given().contentType(ContentType.JSON).body("""
                        {"code":"%s","name":"Makassar","zoneId":"Asia/Makassar","serviceHours":[
                          {"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"08:00","closes":"15:00"},
                          {"days":["SATURDAY"],"opens":"08:00","closes":"12:00"}]}""".formatted(code))
                .post("/branches").then().statusCode(201)
                .body("serviceHours", hasSize(6))
                .body("serviceHours[5].day", equalTo("SATURDAY")).body("serviceHours[5].closes", equalTo("12:00"));
        given().get("/branches/" + code + "/service-hours").then().statusCode(200)
                .body("zoneId", equalTo("Asia/Makassar")).body("alwaysOpen", equalTo(false))
                .body("description", equalTo("MONDAY–FRIDAY 08:00–15:00, SATURDAY 08:00–12:00"));
        given().contentType(ContentType.JSON).body("{\"code\":\"A\",\"prefix\":\"A\",\"name\":\"admin\"}")
                .post("/branches/" + code + "/service-types").then().statusCode(201);
        at("2031-03-08T03:30:00Z"); // Saturday 11:30 WITA
        kiosk(code).statusCode(201);

        given().contentType(ContentType.JSON).body(WEEKDAYS).put("/branches/" + code + "/service-hours").then()
                .statusCode(200).body("days.day", contains("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        kiosk(code).statusCode(409);
        given().contentType(ContentType.JSON).body("{\"hours\":[]}").put("/branches/" + code + "/service-hours").then()
                .statusCode(200).body("alwaysOpen", equalTo(true)).body("days", hasSize(0));
        kiosk(code).statusCode(201);

        badHours(code, "{\"hours\":[{\"days\":[\"MONDAY\"],\"opens\":\"15:00\",\"closes\":\"08:00\"}]}", "hours[0].closes");
        badHours(code, "{\"hours\":[{\"days\":[\"MONDAY\"],\"opens\":\"08:00\",\"closes\":\"15:00\"},"
                + "{\"days\":[\"MONDAY\"],\"opens\":\"16:00\",\"closes\":\"17:00\"}]}", "hours[1].days");
        badHours(code, "{\"hours\":[{\"days\":[],\"opens\":\"08:00\",\"closes\":\"15:00\"}]}", "hours[0].days");
        badHours(code, "{\"hours\":[{\"days\":[\"MON\"],\"opens\":\"08:00\",\"closes\":\"15:00\"}]}", "hours[0].days[0]");
        badHours(code, "{\"hours\":[{\"days\":[\"MONDAY\"],\"opens\":\"8 pagi\",\"closes\":\"15:00\"}]}", "hours[0].opens");
        badHours(code, "{\"hours\":[{\"days\":[\"MONDAY\"],\"closes\":\"15:00\"}]}", "hours[0].opens");
        given().get("/branches/" + code + "/service-hours").then().body("alwaysOpen", equalTo(true)); // unchanged
        given().contentType(ContentType.JSON).body(WEEKDAYS).put("/branches/NOPE/service-hours").then().statusCode(404);
    }

    @Test
    void theDemoBranchHasNoHoursSoItIsOpenAtAnyTime() {
        given().get("/branches/SDA/service-hours").then().statusCode(200)
                .body("alwaysOpen", equalTo(true)).body("description", equalTo("open at any time"));
        at("2031-03-08T20:00:00Z"); // Sunday 03:00 WIB
        kiosk("SDA").statusCode(201);
    }

    /** From now on "now" is this instant, standing still. */
    void at(String instant) {
        clock.reset();
        clock.set(Instant.parse(instant));
        clock.freeze();
    }

    public static String branchWithWeekdayHours(String zone) {
        String code = Fixtures.branch(zone);
        given().contentType(ContentType.JSON).body(WEEKDAYS).put("/branches/" + code + "/service-hours")
                .then().statusCode(200).body("alwaysOpen", equalTo(false));
        return code;
    }

    static ValidatableResponse kiosk(String branch) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"source\":\"KIOSK\"}".formatted(branch))
                .post("/tickets").then();
    }

    static ValidatableResponse book(String branch, String date, String slot) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"date\":\"%s\",\"slot\":\"%s\"}".formatted(branch, date, slot))
                .post("/appointments").then();
    }

    static void badHours(String branch, String body, String field) {
        given().contentType(ContentType.JSON).body(body).put("/branches/" + branch + "/service-hours").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
