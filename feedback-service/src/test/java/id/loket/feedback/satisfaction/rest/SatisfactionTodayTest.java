package id.loket.feedback.satisfaction.rest;

import id.loket.feedback.MovableClock;
import id.loket.feedback.QueueTopic;
import id.loket.platform.test.OpenApiFuzzer;
import id.loket.platform.test.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** GET /branches/{code}/satisfaction/today at a fresh branch: today's CSAT and the low scores to follow up. */
@QuarkusTest
class SatisfactionTodayTest {

    static final String LONG_COMMENT = "Saya menunggu hampir dua jam padahal sudah datang pagi sekali, petugas di loket "
            + "tidak menjelaskan apa pun tentang tunggakan saya dan akhirnya saya harus kembali besok lagi dengan berkas";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    MovableClock clock;
    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String newBranch() {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 6; i++) code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        return code.toString();
    }

    @Test
    void todaysCsatAndTheLowScoresNewestFirst() throws Exception {
        String branch = newBranch();
        Instant closed = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2));
        List<String> tokens;
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            tokens = List.of(
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C1", "ADMINISTRATION", closed, "Asia/Jakarta"),
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C1", "ADMINISTRATION", closed, "Asia/Jakarta"),
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C2", "CLAIM", closed, "Asia/Jakarta"),
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C2", "CLAIM", closed, "Asia/Jakarta"),
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C1", "ADMINISTRATION", closed, "Asia/Jakarta"),
                    queue.closeVisitAndAwaitSurvey(UUID.randomUUID().toString(), branch, "C1", "ADMINISTRATION", closed, "Asia/Jakarta"));
        }
        String url = "/branches/" + branch + "/satisfaction/today";
        given().get(url).then().statusCode(200)
                .body("answers", equalTo(0)).body("csatPercent", nullValue()).body("low", hasSize(0));

        clock.advance(Duration.ofDays(-1)); // answered yesterday: not today's
        answer(tokens.get(5), "{\"rating\":1,\"comment\":\"kemarin\"}");
        clock.reset();
        answer(tokens.get(0), "{\"rating\":5}");
        answer(tokens.get(1), "{\"rating\":4}");
        answer(tokens.get(2), "{\"rating\":2,\"comment\":\"" + LONG_COMMENT + "\",\"phone\":\"081234567890\"}");
        clock.advance(Duration.ofSeconds(5)); // a later answer, so "newest first" has an order to check
        answer(tokens.get(3), "{\"rating\":1}");
        // tokens.get(4): not answered

        given().header("Authorization", TestTokens.bearer("supervisor-" + branch, branch, "SUPERVISOR")).get(url)
                .then().statusCode(200)
                .body("branch", equalTo(branch))
                .body("answers", equalTo(4))
                .body("csatPercent", equalTo(50.0f))
                .body("meanRating", equalTo(3.00f))
                .body("lowScores", equalTo(2))
                .body("low.rating", contains(1, 2))
                .body("low.counterId", contains("C2", "C2"))
                .body("low.serviceType", contains("CLAIM", "CLAIM"))
                .body("low[0].commentExcerpt", nullValue())
                .body("low[0].contactRequested", equalTo(false))
                .body("low[1].contactRequested", equalTo(true))
                .body("low[1].commentExcerpt", endsWith("…"))
                .body("low[1].commentExcerpt", containsString("Saya menunggu hampir dua jam"))
                .body("low[1].flaggedAt", not(nullValue()))
                .body("low[1].visitId", not(nullValue()))
                .body("low[1]", not(hasKey("phone")))
                .body("low[1]", not(hasKey("contactPhone")))
                .body(not(containsString("081234567890")))
                .body(not(containsString("kemarin")));
        String excerpt = given().get(url).then().extract().path("low[1].commentExcerpt");
        assertThat(excerpt.length()).isLessThanOrEqualTo(141);
        assertThat(LONG_COMMENT).startsWith(excerpt.substring(0, excerpt.length() - 1));

        given().queryParam("size", 1).get(url).then().statusCode(200)
                .body("lowScores", equalTo(2)).body("low.rating", contains(1));
    }

    @Test
    void aBadBranchOrSizeIs400AndAnotherBranch403() {
        given().get("/branches/sda!/satisfaction/today").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("code")));
        given().queryParam("size", 101).get("/branches/SDA/satisfaction/today").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        given().header("Authorization", TestTokens.bearer("supervisor-sby", "SBY", "SUPERVISOR"))
                .get("/branches/SDA/satisfaction/today").then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("forbidden-branch"));
        given().header("Authorization", TestTokens.bearer("frontliner-sda", "SDA", "FRONTLINER"))
                .get("/branches/SDA/satisfaction/today").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst-sda", "SDA", "ANALYST"))
                .get("/branches/SBY/satisfaction/today").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst", null, "ANALYST"))
                .get("/branches/SBY/satisfaction/today").then().statusCode(200).body("branch", equalTo("SBY"));
    }

    @Test
    void malformedAndBoundaryQueriesAreNever5xxAndAlwaysProblemJson() {
        var report = OpenApiFuzzer.against(base).include(path -> path.startsWith("/branches/"))
                .stateProbe(OpenApiFuzzer.eventsIn(dataSource)).run(15);
        assertThat(report.findings()).isEmpty();
        assertThat(report.sent()).isGreaterThan(5);
    }

    static void answer(String token, String json) {
        given().contentType(ContentType.JSON).body(json).post("/surveys/" + token).then().statusCode(200);
    }
}
