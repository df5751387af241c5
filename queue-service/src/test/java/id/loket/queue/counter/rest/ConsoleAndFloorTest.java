package id.loket.queue.counter.rest;

import id.loket.queue.Fixtures;
import id.loket.queue.MembershipStandIn;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The read endpoints the counter console and the supervisor's floor are built on: every figure computed here. */
@QuarkusTest
class ConsoleAndFloorTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The database keeps microseconds: a whole second keeps the figures exact to the second. */
    private Instant freezeOnAWholeSecond() {
        clock.freeze();
        clock.advance(Duration.ofNanos(-clock.instant().getNano()));
        return clock.instant();
    }

    @Test
    void theConsoleShowsTheCurrentTicketWithWhatTheDoorSawAndWhatMayBeDoneWithIt() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "C");
        Instant t0 = freezeOnAWholeSecond();
        String ticket = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"cardNumber\":\"%s\",\"purpose\":\"ARREARS_PAYMENT\",\"priority\":\"ELDERLY\"}"
                        .formatted(branch, MembershipStandIn.SUSPENDED_CARD))
                .post("/screenings").then().statusCode(201).body("ticket.serviceType", equalTo("C"))
                .extract().path("ticket.id");
        clock.advance(Duration.ofSeconds(75));
        given().get("/counters/" + counter + "/console").then().statusCode(200)
                .body("counterId", equalTo(counter)).body("branch", equalTo(branch))
                .body("state", equalTo("IDLE")).body("staffedBy", equalTo("frontliner " + counter))
                .body("openedBy", equalTo("test-staff")).body("current", nullValue())
                .body("noShowAfterRecalls", equalTo(2)).body("recallGraceSeconds", equalTo(120))
                .body("waiting.serviceType", contains("C")).body("waiting[0].count", equalTo(1))
                .body("waiting[0].oldestWaitSeconds", equalTo(75)).body("waiting[0].waitTargetMinutes", equalTo(15))
                .body("waiting[0].overTarget", equalTo(false));

        Fixtures.callNext(counter);
        clock.advance(Duration.ofSeconds(30));
        given().get("/counters/" + counter + "/console").then().statusCode(200)
                .body("state", equalTo("CALLED"))
                .body("current.ticketId", equalTo(ticket)).body("current.number", equalTo("C-001"))
                .body("current.priority", equalTo("ELDERLY")).body("current.source", equalTo("SCREENING"))
                .body("current.state", equalTo("CALLED"))
                .body("current.waitedSeconds", equalTo(75)).body("current.sinceCalledSeconds", equalTo(30))
                .body("current.servingSeconds", nullValue())
                .body("current.recalls", equalTo(0)).body("current.recallAllowed", equalTo(false))
                .body("current.noShowAllowed", equalTo(false))
                .body("current.recallAllowedAt", equalTo(t0.plusSeconds(75 + 120).toString()))
                .body("current.door.purpose", equalTo("ARREARS_PAYMENT"))
                .body("current.door.membershipStatus", equalTo("SUSPENDED"))
                .body("current.door.arrearsMonths", equalTo(3)).body("current.door.arrearsAmount", equalTo(105000))
                .body("current.door.membershipSource", equalTo("MEMBERSHIP_SERVICE"))
                .body("waiting[0].count", equalTo(0)).body("waiting[0].oldestWaitSeconds", nullValue());

        clock.advance(Duration.ofSeconds(90)); // 120 s since the call: a recall is allowed, a no-show not yet
        given().get("/counters/" + counter + "/console").then()
                .body("current.recallAllowed", equalTo(true)).body("current.noShowAllowed", equalTo(false));
        given().post("/tickets/" + ticket + "/start").then().statusCode(200);
        clock.advance(Duration.ofSeconds(40));
        given().get("/counters/" + counter + "/console").then()
                .body("state", equalTo("SERVING")).body("stateSince", equalTo(t0.plusSeconds(195).toString()))
                .body("current.servingSeconds", equalTo(40)).body("current.recallAllowed", equalTo(false))
                .body("current.recallAllowedAt", nullValue());

        // a kiosk ticket has no door
        String kiosk = Fixtures.issue(branch, "C", "NONE");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"PAID\"}").post("/tickets/" + ticket + "/close").then().statusCode(200);
        Fixtures.callNext(counter);
        given().get("/counters/" + counter + "/console").then()
                .body("current.ticketId", equalTo(kiosk)).body("current.door", nullValue());
        given().get("/counters/NOPE-9/console").then().statusCode(404);
    }

    @Test
    void theFloorShowsWaitsAgainstTargetsTheCountersAndTheAlerts() {
        String branch = Fixtures.branch("Asia/Jakarta");
        given().contentType(ContentType.JSON).body("{\"name\":\"type A\",\"waitTargetMinutes\":10}")
                .put("/branches/" + branch + "/service-types/A").then().statusCode(200);
        Instant t0 = freezeOnAWholeSecond();
        String idle = Fixtures.openCounter(branch, "A");      // open, nobody called, while A waits
        String calling = Fixtures.openCounter(branch, "B");   // calls and the visitor does not come
        String serving = Fixtures.openCounter(branch, "C");   // a service that runs long
        Fixtures.issue(branch, "A", "NONE");
        Fixtures.issue(branch, "A", "NONE");
        Fixtures.issue(branch, "B", "NONE");
        String c1 = Fixtures.issue(branch, "C", "NONE");
        String b1 = Fixtures.callNext(calling);
        given().post("/tickets/" + Fixtures.callNext(serving) + "/start").then().statusCode(200);

        clock.advance(Duration.ofSeconds(90)); // nothing has lasted long enough yet
        given().get("/branches/" + branch + "/floor").then().statusCode(200).body("alerts", hasSize(0));

        clock.advance(Duration.ofSeconds(571)); // 661 s after t0
        given().get("/branches/" + branch + "/floor").then().statusCode(200)
                .body("branch", equalTo(branch)).body("now", equalTo(t0.plusSeconds(661).toString()))
                .body("serviceTypes.serviceType", contains("A", "B", "C"))
                .body("serviceTypes[0].waiting", equalTo(2)).body("serviceTypes[0].oldestWaitSeconds", equalTo(661))
                .body("serviceTypes[0].waitTargetMinutes", equalTo(10)).body("serviceTypes[0].oldestOverTarget", equalTo(true))
                .body("serviceTypes[0].countersOpen", equalTo(1)).body("serviceTypes[0].visitsToday", equalTo(0))
                .body("serviceTypes[0].p90WaitSecondsToday", nullValue())
                .body("serviceTypes[1].waiting", equalTo(0)).body("serviceTypes[1].oldestWaitSeconds", nullValue())
                .body("counters.counterId", contains(idle, calling, serving))
                .body("counters.state", contains("IDLE", "CALLED", "SERVING"))
                .body("counters.stateSeconds", contains(661, 661, 661))
                .body("counters[0].staffedBy", equalTo("frontliner " + idle)).body("counters[0].current", nullValue())
                .body("counters[1].current.ticketId", equalTo(b1)).body("counters[1].current.number", equalTo("B-001"))
                .body("counters[2].current.ticketId", equalTo(c1)).body("counters[2].current.state", equalTo("SERVING"))
                .body("alerts.kind", containsInAnyOrder("IDLE_WHILE_WAITING", "CALLED_NOT_STARTED", "LONG_SERVICE"))
                .body("alerts.find { it.kind == 'CALLED_NOT_STARTED' }.ticketNumber", equalTo("B-001"))
                .body("alerts.find { it.kind == 'CALLED_NOT_STARTED' }.seconds", equalTo(661))
                .body("alerts.find { it.kind == 'CALLED_NOT_STARTED' }.thresholdSeconds", equalTo(180))
                .body("alerts.find { it.kind == 'IDLE_WHILE_WAITING' }.counterId", equalTo(idle))
                .body("alerts.find { it.kind == 'IDLE_WHILE_WAITING' }.serviceTypes", contains("A"))
                .body("alerts.find { it.kind == 'LONG_SERVICE' }.counterId", equalTo(serving))
                .body("alerts.find { it.kind == 'LONG_SERVICE' }.thresholdSeconds", equalTo(600));

        // the long service closes: served today, today's figures for C, and the counter is idle with nobody waiting for C
        given().contentType(ContentType.JSON).body("{\"outcome\":\"DONE\"}").post("/tickets/" + c1 + "/close").then().statusCode(200);
        given().post("/counters/" + calling + "/close").then().statusCode(200);
        given().get("/branches/" + branch + "/floor").then().statusCode(200)
                .body("counters.state", contains("IDLE", "CLOSED", "IDLE"))
                .body("counters.servedToday", contains(0, 0, 1))
                .body("counters[2].stateSeconds", equalTo(0))
                .body("serviceTypes[2].visitsToday", equalTo(1))
                .body("serviceTypes[2].medianServiceSecondsToday", equalTo(661.0f))
                .body("serviceTypes[2].withinTargetShareToday", equalTo(1.0f))
                .body("serviceTypes[2].p90OverTarget", equalTo(false))
                .body("alerts.kind", contains("IDLE_WHILE_WAITING"));
        given().get("/branches/NOPE/floor").then().statusCode(404);
    }
}
