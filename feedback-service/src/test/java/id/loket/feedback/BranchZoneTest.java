package id.loket.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each survey's days are in its own branch's zone (VisitClosed.zone), not one zone per deployment. Visits close
 * around local midnight at a WIB and a WITA branch, so that any single zone would put one of them on the wrong
 * day; a VisitClosed without a zone (recorded before it had one) falls back to the configured zone (WIB here).
 */
@QuarkusTest
class BranchZoneTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    static final ZoneId WITA = ZoneId.of("Asia/Makassar");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void reportDaysAndDateFiltersFollowEachBranchsZone() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String wita = "WITA-" + suffix, wib = "WIB-" + suffix, old = "OLD-" + suffix;
        LocalDate d = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        LocalDate next = d.plusDays(1);
        String witaLate, wibLate, oldVisit;
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            witaLate = close(queue, wita, d, "23:30", WITA);     // 15:30 UTC: day d in WITA and in WIB
            close(queue, wita, next, "00:30", WITA);             // 16:30 UTC of d: 23:30 WIB, so d under one WIB zone
            close(queue, wita, next, "09:00", WITA);
            wibLate = close(queue, wib, d, "23:30", WIB);        // 16:30 UTC of d: 00:30 WITA, so next under one WITA zone
            close(queue, wib, next, "00:30", WIB);
            // an older VisitClosed without zone, at 16:30 UTC of d: the configured zone (WIB) puts it on day d
            oldVisit = UUID.randomUUID().toString();
            queue.send(UUID.randomUUID(), "VisitClosed", "ticket-" + oldVisit, QueueTopic.visitClosed(oldVisit, old,
                    "C1", "A", next.atTime(LocalTime.parse("00:30")).atZone(WITA).toInstant()));
        }
        String witaToken = QueueTopic.awaitToken(witaLate);
        String wibToken = QueueTopic.awaitToken(wibLate);
        String oldToken = QueueTopic.awaitToken(oldVisit);
        await().atMost(QueueTopic.WAIT).until(() -> offered(wita, d, next) == 3 && offered(wib, d, next) == 2);

        byDay(wita, d, next).body("groups.key", contains(d.toString(), next.toString())).body("groups.offered", contains(1, 2));
        byDay(wib, d, next).body("groups.key", contains(d.toString(), next.toString())).body("groups.offered", contains(1, 1));
        byDay(old, d, next).body("groups.key", contains(d.toString())).body("groups.offered", contains(1));
        // the from/to filters are the branch's days too
        assertThat(offered(wita, next, next)).isEqualTo(2);
        assertThat(offered(wita, d, d)).isEqualTo(1);
        assertThat(offered(wib, next, next)).isEqualTo(1);
        assertThat(offered(wib, d, d)).isEqualTo(1);

        // the page shows the visit's time in its branch's zone
        given().get("/surveys/" + witaToken).then().statusCode(200).body("zone", equalTo("Asia/Makassar"));
        given().get("/surveys/" + wibToken).then().statusCode(200).body("zone", equalTo("Asia/Jakarta"));
        given().get("/surveys/" + oldToken).then().statusCode(200).body("zone", equalTo("Asia/Jakarta"));

        // the survey's event keeps the zone as VisitClosed gave it (none for the old one)
        try (TopicReader topic = TopicReader.open(bootstrap, "loket.feedback.events")) {
            JsonNode offeredWita = new ObjectMapper().readTree(topic.awaitRecord(
                    r -> ("survey-" + witaLate).equals(r.key()), QueueTopic.WAIT).value());
            assertThat(offeredWita.get("zone").asText()).isEqualTo("Asia/Makassar");
            JsonNode offeredOld = new ObjectMapper().readTree(topic.awaitRecord(
                    r -> ("survey-" + oldVisit).equals(r.key()), QueueTopic.WAIT).value());
            assertThat(offeredOld.get("zone").isNull()).isTrue();
        }
    }

    @Test
    void csatTodayGaugeCountsTodaysAnswersInTheBranchsZone() throws Exception {
        String branch = "CSAT-" + UUID.randomUUID().toString().substring(0, 8);
        String tokens[] = new String[4];
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C1", "A",
                        Instant.now().minusSeconds(600), "Asia/Makassar");
            }
        }
        // answer at 00:10 WITA: already "today" there, still yesterday in WIB and in UTC
        Instant now = Instant.now();
        Instant tenPastMidnight = LocalDate.ofInstant(now, WITA).plusDays(1).atTime(0, 10).atZone(WITA).toInstant();
        if (Duration.between(now, tenPastMidnight).toHours() >= 24) tenPastMidnight = tenPastMidnight.minus(Duration.ofDays(1));
        clock.advance(Duration.between(now, tenPastMidnight));
        answer(tokens[0], 5);
        answer(tokens[1], 4);
        answer(tokens[2], 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(csatToday(branch)).hasValueSatisfying(v -> assertThat(v).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01))));
        answer(tokens[3], 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(csatToday(branch)).hasValueSatisfying(v -> assertThat(v).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.01))));
        // the next day in WITA those answers are yesterday's: no figure for the branch
        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(30)).until(() -> csatToday(branch).isEmpty());
    }

    static String close(QueueTopic queue, String branch, LocalDate day, String time, ZoneId zone) throws Exception {
        String visitId = UUID.randomUUID().toString();
        Instant closedAt = day.atTime(LocalTime.parse(time)).atZone(zone).toInstant();
        queue.send(UUID.randomUUID(), "VisitClosed", "ticket-" + visitId,
                QueueTopic.visitClosed(visitId, branch, "C1", "A", closedAt, zone.getId()));
        return visitId;
    }

    static io.restassured.response.ValidatableResponse byDay(String branch, LocalDate from, LocalDate to) {
        return given().queryParam("branch", branch).queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("groupBy", "day").get("/satisfaction").then().statusCode(200);
    }

    static int offered(String branch, LocalDate from, LocalDate to) {
        return given().queryParam("branch", branch).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get("/satisfaction").then().statusCode(200).extract().path("total.offered");
    }

    static void answer(String token, int rating) {
        given().contentType(ContentType.JSON).body("{\"rating\":" + rating + "}").post("/surveys/" + token)
                .then().statusCode(200);
    }

    /** The branch's loket_feedback_csat_today as Prometheus reads it from /q/metrics. */
    static Optional<Double> csatToday(String branch) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^loket_feedback_csat_today\\{[^}]*branch=\"" + Pattern.quote(branch)
                + "\"[^}]*} (\\S+)$").matcher(metrics);
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }
}
