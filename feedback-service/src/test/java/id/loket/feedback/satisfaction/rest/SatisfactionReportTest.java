package id.loket.feedback.satisfaction.rest;

import id.loket.feedback.QueueTopic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Report figures against a known set of answers, at a fresh branch:
 * <pre>
 * day 1 (WIB)  C1 ADMIN  09:00 rating 5 (speed 5, friendliness 4, solution 5)
 *              C1 ADMIN  10:00 rating 4 (speed 3, solution 4)
 *              C1 ADMIN  11:00 not answered
 *              C1 ADMIN  23:30 rating 2 "comment"            (16:30 UTC)
 * day 2 (WIB)  C2 CLAIM  00:30 rating 1 "comment"            (17:30 UTC of day 1: the day is the branch's)
 *              C2 CLAIM  09:00 rating 3 "comment"
 * </pre>
 */
@QuarkusTest
class SatisfactionReportTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    // one known set of answers for every test of the class (fresh branch, so other tests' surveys don't count)
    static String branch;
    static LocalDate day1;
    static LocalDate day2;

    @BeforeEach
    void answers() throws Exception {
        if (branch != null) return;
        String b = "BR-" + UUID.randomUUID().toString().substring(0, 8);
        day2 = LocalDate.now(WIB).minusDays(1);
        day1 = day2.minusDays(1);
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            List<String> visits = new ArrayList<>();
            visits.add(visit(queue, b, "C1", "ADMIN", day1, "09:00"));
            visits.add(visit(queue, b, "C1", "ADMIN", day1, "10:00"));
            visits.add(visit(queue, b, "C1", "ADMIN", day1, "11:00"));
            visits.add(visit(queue, b, "C1", "ADMIN", day1, "23:30"));
            visits.add(visit(queue, b, "C2", "CLAIM", day2, "00:30"));
            visits.add(visit(queue, b, "C2", "CLAIM", day2, "09:00"));
            visits.add(visit(queue, b + "-other", "C1", "ADMIN", day1, "09:00")); // another branch's: must not count
            List<String> tokens = visits.stream().map(QueueTopic::awaitToken).toList();
            answer(tokens.get(0), "{\"rating\":5,\"aspects\":{\"speed\":5,\"friendliness\":4,\"solution\":5}}");
            answer(tokens.get(1), "{\"rating\":4,\"aspects\":{\"speed\":3,\"solution\":4}}");
            answer(tokens.get(3), "{\"rating\":2,\"comment\":\"Lama sekali\"}");
            answer(tokens.get(4), "{\"rating\":1,\"comment\":\"Tidak dibantu\"}");
            answer(tokens.get(5), "{\"rating\":3,\"comment\":\"Biasa saja\"}");
            answer(tokens.get(6), "{\"rating\":5}");
        }
        branch = b;
    }

    static String visit(QueueTopic queue, String branch, String counter, String serviceType, LocalDate day, String time)
            throws Exception {
        String visitId = UUID.randomUUID().toString();
        Instant closedAt = day.atTime(LocalTime.parse(time)).atZone(WIB).toInstant();
        queue.send(UUID.randomUUID(), "VisitClosed", "ticket-" + visitId,
                QueueTopic.visitClosed(visitId, branch, counter, serviceType, closedAt));
        return visitId;
    }

    static void answer(String token, String json) {
        given().contentType(ContentType.JSON).body(json).post("/surveys/" + token).then().statusCode(200);
    }

    @Test
    void totalsAndGroupsMatchTheKnownAnswers() {
        given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("groupBy", "counter")
                .get("/satisfaction").then().statusCode(200)
                .body("total.offered", equalTo(6))
                .body("total.answered", equalTo(5))
                .body("total.responseRate", equalTo(83.3f))
                .body("total.meanRating", equalTo(3.00f))
                .body("total.csat", equalTo(40.0f))
                .body("total.distribution.1", equalTo(1)).body("total.distribution.5", equalTo(1))
                .body("total.aspects.speed", equalTo(4.00f))
                .body("total.aspects.friendliness", equalTo(4.00f))
                .body("total.aspects.solution", equalTo(4.50f))
                .body("total.lowScores", equalTo(2))
                .body("groups.key", contains("C1", "C2"))
                .body("groups[0].offered", equalTo(4)).body("groups[0].answered", equalTo(3))
                .body("groups[0].responseRate", equalTo(75.0f)).body("groups[0].meanRating", equalTo(3.67f))
                .body("groups[0].csat", equalTo(66.7f)).body("groups[0].lowScores", equalTo(1))
                .body("groups[1].offered", equalTo(2)).body("groups[1].answered", equalTo(2))
                .body("groups[1].responseRate", equalTo(100.0f)).body("groups[1].meanRating", equalTo(2.00f))
                .body("groups[1].csat", equalTo(0.0f)).body("groups[1].aspects.speed", nullValue());

        // by day in the branch's zone: the 00:30 WIB visit is on day 2, though it closed on day 1 in UTC
        given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("groupBy", "day")
                .get("/satisfaction").then().statusCode(200)
                .body("groups.key", contains(day1.toString(), day2.toString()))
                .body("groups.offered", contains(4, 2))
                .body("groups.answered", contains(3, 2));
        given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("groupBy", "serviceType")
                .get("/satisfaction").then().statusCode(200)
                .body("groups.key", contains("ADMIN", "CLAIM"));
        // one day only
        given().queryParam("branch", branch).queryParam("from", day2.toString()).queryParam("to", day2.toString())
                .get("/satisfaction").then().statusCode(200)
                .body("total.offered", equalTo(2)).body("total.meanRating", equalTo(2.00f)).body("groups", hasSize(0));
    }

    @Test
    void csvForASpreadsheet() {
        String csv = given().accept("text/csv").queryParam("branch", branch).queryParam("from", day1.toString())
                .queryParam("to", day2.toString()).queryParam("groupBy", "counter")
                .get("/satisfaction").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "group,offered,answered,responseRate,meanRating,csat,rating1,rating2,rating3,rating4,rating5,speed,friendliness,solution,lowScores",
                "C1,4,3,75.0,3.67,66.7,0,1,0,1,1,4.00,4.00,4.50,1",
                "C2,2,2,100.0,2.00,0.0,1,0,1,0,0,,,,1",
                "total,6,5,83.3,3.00,40.0,1,1,1,1,1,4.00,4.00,4.50,2");
    }

    @Test
    void commentsArePagedNewestFirst() {
        given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("size", 2)
                .get("/satisfaction/comments").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items.comment", contains("Biasa saja", "Tidak dibantu"))
                .body("items.rating", contains(3, 1));
        given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("size", 2).queryParam("page", 1)
                .get("/satisfaction/comments").then().statusCode(200)
                .body("items.comment", contains("Lama sekali"))
                .body("items[0].counterId", equalTo("C1"));
    }

    @Test
    void badQueriesAre400NamingTheField() {
        expect400(given().queryParam("from", day1.toString()).queryParam("to", day2.toString()), "/satisfaction", "branch");
        expect400(given().queryParam("branch", branch).queryParam("to", day2.toString()), "/satisfaction", "from");
        expect400(given().queryParam("branch", branch).queryParam("from", "26-11-2026").queryParam("to", day2.toString()),
                "/satisfaction", "from");
        expect400(given().queryParam("branch", branch).queryParam("from", day2.toString()).queryParam("to", day1.toString()),
                "/satisfaction", "to");
        expect400(given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("groupBy", "week"), "/satisfaction", "groupBy");
        expect400(given().queryParam("branch", branch).queryParam("from", day1.toString()).queryParam("to", day2.toString())
                .queryParam("size", 500), "/satisfaction/comments", "size");
    }

    private static void expect400(io.restassured.specification.RequestSpecification request, String path, String field) {
        request.get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}
