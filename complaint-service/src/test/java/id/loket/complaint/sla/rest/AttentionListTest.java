package id.loket.complaint.sla.rest;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import id.loket.platform.test.OpenApiFuzzer;
import id.loket.platform.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static id.loket.complaint.Api.post;
import static id.loket.complaint.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * GET /branches/{code}/complaints/attention at a fresh branch (Sidoarjo's hours, 08:00–15:00 on weekdays), with
 * the clock set: what is overdue or due within one working day, most urgent first, and nothing else.
 */
@QuarkusTest
class AttentionListTest {

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URI base;

    @Test
    void overdueFirstThenDueSoonAndNothingThatCanWait() throws Exception {
        String branch = Api.newBranch(dataSource);
        String supervisor = TestTokens.bearer("supervisor-" + branch, branch, "SUPERVISOR");
        clock.setWib("2026-12-07T09:00"); // a Monday
        String red = register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER"); // respond by 09:30, resolve by Tue 15:00
        String unanswered = register(branch, "DATA_CORRECTION", "COUNTER");   // respond by Tue 09:00 (420 service minutes)
        String answered = register(branch, "DATA_CORRECTION", "COUNTER");     // resolve by Mon 14 Dec 15:00
        post(answered, "respond", "{\"message\":\"Berkas kami terima\"}").statusCode(200);
        String resolved = register(branch, "INFORMATION", "COUNTER");
        post(resolved, "resolve", "{\"resolution\":\"dijelaskan\",\"actionTaken\":\"informasi\"}").statusCode(200);
        String paused = register(branch, "INFORMATION", "COUNTER");
        post(paused, "respond", "{\"message\":\"Mohon lengkapi KTP\"}").statusCode(200);
        post(paused, "pause", "{\"reason\":\"menunggu dokumen\"}").statusCode(200);
        register("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER"); // another branch's: never in this list

        clock.setWib("2026-12-07T09:45");
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200)
                .body("branch", equalTo(branch))
                .body("dueSoonWithin", equalTo("PT7H"))
                .body("overdue", equalTo(1)).body("dueSoon", equalTo(1)).body("total", equalTo(2))
                .body("items.id", contains(red, unanswered))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].deadline", equalTo("FIRST_RESPONSE"))
                .body("items[0].dueAt", equalTo("2026-12-07T02:30:00Z"))
                .body("items[0].secondsLeft", equalTo(-900))
                .body("items[0].workingSecondsLeft", equalTo(-900))
                .body("items[0].category", equalTo("HEALTH_SERVICE_COMPLAINT"))
                .body("items[0].serviceLevel", equalTo("RED"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].reference", containsString(branch + "-20261207-"))
                .body("items[0].registeredAt", equalTo("2026-12-07T02:00:00Z"))
                .body("items[1].overdue", equalTo(false))
                .body("items[1].dueAt", equalTo("2026-12-08T02:00:00Z"))
                // overnight counts in wall-clock time, not in service hours: 05:15 today and 01:00 tomorrow
                .body("items[1].secondsLeft", equalTo((23 * 60 + 15) * 60))
                .body("items[1].workingSecondsLeft", equalTo((6 * 60 + 15) * 60))
                // identifies and times the complaint; what the participant said and who they are stay out
                .body("items[0]", not(hasKey("description")))
                .body("items[0]", not(hasKey("participantId")))
                .body("items[0]", not(hasKey("reporterContact")));

        // answered: the red one's resolution (Tuesday 15:00) is 12h15 of service time off, so it can wait
        post(red, "respond", "{\"message\":\"Kami hubungi rumah sakit\"}").statusCode(200);
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200)
                .body("overdue", equalTo(0)).body("dueSoon", equalTo(1))
                .body("items.id", contains(unanswered));
        // until Tuesday morning, when it is within a working day
        clock.setWib("2026-12-08T08:30");
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200)
                .body("items.id", contains(unanswered, red))
                .body("items[1].deadline", equalTo("RESOLUTION"))
                .body("items[1].dueAt", equalTo("2026-12-08T08:00:00Z"))
                .body("items[1].workingSecondsLeft", equalTo(6 * 3600 + 1800));

        // on Friday 11 Dec 14:00 the answered one's resolution (Mon 15:00) is 8 service hours off
        clock.setWib("2026-12-11T14:00");
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200)
                .body("items.id", not(hasItem(answered)))
                .body("items.id", not(hasItem(paused)))
                .body("items.id", not(hasItem(resolved)));
        clock.setWib("2026-12-11T14:30"); // now 7h30 of service time, over the weekend: still not within a working day
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200).body("items.id", not(hasItem(answered)));
        clock.setWib("2026-12-14T08:30"); // Monday: 6h30 left
        given().header("Authorization", supervisor).get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(200)
                .body("items.find { it.id == '" + answered + "' }.overdue", equalTo(false))
                .body("items.find { it.id == '" + answered + "' }.workingSecondsLeft", equalTo(6 * 3600 + 1800))
                .body("items.id", not(hasItem(paused)))
                .body("items.id", not(hasItem(resolved)));
    }

    @Test
    void pagedAndBounded() throws Exception {
        String branch = Api.newBranch(dataSource);
        clock.setWib("2026-12-07T09:00");
        String first = register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        clock.setWib("2026-12-07T09:10");
        String second = register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        clock.setWib("2026-12-07T10:00");
        String url = "/branches/" + branch + "/complaints/attention";
        given().queryParam("size", 1).get(url).then().statusCode(200)
                .body("total", equalTo(2)).body("size", equalTo(1)).body("items.id", contains(first));
        given().queryParam("size", 1).queryParam("page", 1).get(url).then().statusCode(200)
                .body("items.id", contains(second));
        given().queryParam("page", 2).queryParam("size", 1).get(url).then().statusCode(200).body("items", empty());
        given().queryParam("size", 101).get(url).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        given().queryParam("page", -1).get(url).then().statusCode(400).body("errors.field", hasItem("page"));
    }

    @Test
    void aBadOrUnknownBranchIs400AndAnotherBranch403() throws Exception {
        String branch = Api.newBranch(dataSource);
        given().get("/branches/sda!/complaints/attention").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        given().get("/branches/NOSUCH/complaints/attention").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        given().header("Authorization", TestTokens.bearer("supervisor-sby", "SBY", "SUPERVISOR"))
                .get("/branches/" + branch + "/complaints/attention")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", containsString("forbidden-branch"));
        given().header("Authorization", TestTokens.bearer("frontliner-" + branch, branch, "FRONTLINER"))
                .get("/branches/" + branch + "/complaints/attention").then().statusCode(403);
        // a national analyst reads any branch; an analyst of one branch only their own
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST"))
                .get("/branches/" + branch + "/complaints/attention").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", TestTokens.bearer("analyst-sda", "SDA", "ANALYST"))
                .get("/branches/" + branch + "/complaints/attention").then().statusCode(403);
    }

    @Test
    void malformedAndBoundaryQueriesAreNever5xxAndAlwaysProblemJson() {
        var report = OpenApiFuzzer.against(base).include(path -> path.startsWith("/branches/"))
                .stateProbe(OpenApiFuzzer.eventsIn(dataSource)).run(15);
        assertThat(report.findings()).isEmpty();
        assertThat(report.sent()).isGreaterThan(10);
    }
}
