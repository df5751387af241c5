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

import static id.loket.queue.branch.rest.ServiceHoursTest.book;
import static id.loket.queue.branch.rest.ServiceHoursTest.branchWithWeekdayHours;
import static id.loket.queue.branch.rest.ServiceHoursTest.kiosk;
import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * A branch's holidays (closed days, kept as data): no kiosk or door tickets and no appointments on one, carried-over
 * tickets go past it. 2031-03-05 is a Wednesday; the WIB branches here open Monday–Friday 08:00–15:00.
 */
@QuarkusTest
class HolidaysTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aWeekdayHolidayRefusesKioskTicketsNamingItAndTheNextWorkingDayTakesThem() {
        at("2031-03-02T12:00:00Z"); // Sunday
        String branch = branchWithWeekdayHours("Asia/Jakarta");
        holiday(branch, "2031-03-05", "Hari Suci Nyepi", "NATIONAL").statusCode(200)
                .body("date", equalTo("2031-03-05")).body("day", equalTo("WEDNESDAY"))
                .body("name", equalTo("Hari Suci Nyepi")).body("kind", equalTo("NATIONAL"));

        at("2031-03-05T03:00:00Z"); // Wednesday 10:00 WIB, within the hours
        kiosk(branch).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://loket.id/problems/branch-closed"))
                .body("branch", equalTo(branch))
                .body("detail", containsString("Hari Suci Nyepi"))
                .body("holiday.date", equalTo("2031-03-05"))
                .body("holiday.name", equalTo("Hari Suci Nyepi"))
                .body("holiday.kind", equalTo("NATIONAL"))
                .body("opensAtLocal", equalTo("2031-03-06T08:00+07:00"));
        screening(branch).statusCode(409).body("holiday.name", equalTo("Hari Suci Nyepi")); // the door too

        at("2031-03-06T01:00:00Z"); // Thursday 08:00 WIB
        kiosk(branch).statusCode(201).body("number", equalTo("A-001")); // the refused ones drew no number
    }

    @Test
    void aBranchWithoutHoursIsClosedOnItsHolidaysOnlyFromTheMomentTheyAreDeclared() {
        at("2031-03-04T20:00:00Z"); // Wednesday 03:00 WIB
        String branch = Fixtures.branch("Asia/Jakarta");
        kiosk(branch).statusCode(201).body("number", equalTo("A-001")); // open at any time (and its set-up now in memory)
        holiday(branch, "2031-03-05", "Cuti bersama", "COLLECTIVE_LEAVE").statusCode(200);
        holiday(branch, "2031-03-06", "Hari jadi Kabupaten", "REGIONAL").statusCode(200);
        kiosk(branch).statusCode(409).body("holiday.kind", equalTo("COLLECTIVE_LEAVE"))
                .body("opensAtLocal", equalTo("2031-03-07T00:00+07:00")); // past both days, seen at once
        when().delete("/branches/" + branch + "/holidays/2031-03-05").then().statusCode(204);
        kiosk(branch).statusCode(201).body("number", equalTo("A-002")); // open again at once
        at("2031-03-05T17:00:00Z"); // Thursday 00:00 WIB
        kiosk(branch).statusCode(409).body("holiday.kind", equalTo("REGIONAL"));
        at("2031-03-06T17:00:00Z"); // Friday 00:00 WIB
        kiosk(branch).statusCode(201);
    }

    @Test
    void anAppointmentOnAHolidayIsRefusedNamingTheDate() {
        at("2031-03-02T12:00:00Z");
        String branch = branchWithWeekdayHours("Asia/Jakarta");
        holiday(branch, "2031-03-05", "Hari Suci Nyepi", "NATIONAL").statusCode(200);
        book(branch, "2031-03-05", "10:00").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("date"))
                .body("detail", containsString("Hari Suci Nyepi"));
        book(branch, "2031-03-06", "10:00").statusCode(201);
    }

    @Test
    void anAppointmentBookedBeforeTheHolidayWasDeclaredStillChecksIn() {
        at("2031-03-02T12:00:00Z");
        String branch = branchWithWeekdayHours("Asia/Jakarta");
        String booked = book(branch, "2031-03-05", "10:00").statusCode(201).extract().path("id");
        at("2031-03-03T03:00:00Z"); // Monday: the day is declared a holiday after the booking
        holiday(branch, "2031-03-05", "Libur daerah", "REGIONAL").statusCode(200);
        at("2031-03-05T02:30:00Z"); // Wednesday 09:30 WIB
        kiosk(branch).statusCode(409);
        given().post("/appointments/" + booked + "/check-in").then().statusCode(201)
                .body("businessDate", equalTo("2031-03-05")).body("source", equalTo("APPOINTMENT"));
    }

    @Test
    void carriedOverTicketsGoToTheNextWorkingDayPastTheHoliday() {
        at("2031-03-04T05:00:00Z"); // Tuesday 12:00 WIB
        String branch = Fixtures.uniqueCode();
        given().contentType(ContentType.JSON).body("""
                        {"code":"%s","name":"Carry","zoneId":"Asia/Jakarta","endOfDayPolicy":"CARRY_OVER",
                         "serviceHours":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"08:00","closes":"15:00"}]}"""
                        .formatted(branch))
                .post("/branches").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"code\":\"A\",\"prefix\":\"A\",\"name\":\"admin\"}")
                .post("/branches/" + branch + "/service-types").then().statusCode(201);
        holiday(branch, "2031-03-05", "Hari Suci Nyepi", "NATIONAL").statusCode(200);
        String ticket = Fixtures.issue(branch, "A", "NONE");
        at("2031-03-04T08:30:00Z"); // Tuesday 15:30 WIB: closed, the end of day runs by itself
        await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "2031-03-06".equals(given().get("/tickets/" + ticket).then().extract().path("businessDate")));
        given().get("/tickets/" + ticket).then().body("state", equalTo("WAITING"));
    }

    @Test
    void holidaysAreListedByYearChangedAndRemoved() {
        String branch = Fixtures.branch("Asia/Jakarta");
        holiday(branch, "2031-12-25", "Natal", "NATIONAL").statusCode(200);
        holiday(branch, "2031-01-01", "Tahun Baru", "NATIONAL").statusCode(200);
        holiday(branch, "2032-01-01", "Tahun Baru", "NATIONAL").statusCode(200);
        String declared = given().get("/branches/" + branch + "/holidays?year=2031").then().statusCode(200)
                .body("", hasSize(2)).body("[0].date", equalTo("2031-01-01")).body("[1].name", equalTo("Natal"))
                .extract().path("[1].declaredAt");
        // renamed: the same day, declared when it was first declared
        holiday(branch, "2031-12-25", "Hari Raya Natal", "NATIONAL").statusCode(200)
                .body("name", equalTo("Hari Raya Natal")).body("declaredAt", equalTo(declared));
        given().get("/branches/" + branch + "/holidays").then().statusCode(200).body("", hasSize(3));
        when().delete("/branches/" + branch + "/holidays/2031-12-25").then().statusCode(204);
        when().delete("/branches/" + branch + "/holidays/2031-12-25").then().statusCode(404);
        given().get("/branches/" + branch + "/holidays?year=2031").then().body("", hasSize(1));

        given().get("/branches/" + branch + "/holidays?year=next").then().statusCode(400).body("errors.field", hasItem("year"));
        holiday(branch, "2031-13-01", "Nope", "NATIONAL").statusCode(400).body("errors.field", hasItem("date"));
        holiday(branch, "2031-05-01", "Nope", "LOCAL").statusCode(400).body("errors.field", hasItem("kind"));
        holiday(branch, "2031-05-01", "", "NATIONAL").statusCode(400).body("errors.field", hasItem("name"));
        holiday("NOPE", "2031-05-01", "Nope", "NATIONAL").statusCode(404);
    }

    @Test
    void theDemoBranchHasTheNationalHolidays() {
        given().get("/branches/SDA/holidays?year=2026").then().statusCode(200)
                .body("date", hasItem("2026-08-17")).body("date", hasItem("2026-03-19"))
                .body("find { it.date == '2026-12-25' }.kind", equalTo("NATIONAL"));
        given().get("/branches/SDA/holidays?year=2027").then().statusCode(200).body("date", hasItem("2027-03-26"));
    }

    static ValidatableResponse holiday(String branch, String date, String name, String kind) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"%s\",\"kind\":\"%s\"}".formatted(name, kind))
                .put("/branches/" + branch + "/holidays/" + date).then();
    }

    static ValidatableResponse screening(String branch) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"source\":\"SCREENING\"}".formatted(branch))
                .post("/tickets").then();
    }

    void at(String instant) {
        clock.reset();
        clock.set(Instant.parse(instant));
        clock.freeze();
    }
}
