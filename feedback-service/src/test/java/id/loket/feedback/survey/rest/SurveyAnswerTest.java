package id.loket.feedback.survey.rest;

import id.loket.feedback.MovableClock;
import id.loket.feedback.QueueTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.loket.feedback.QueueTopic.WAIT;
import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SurveyAnswerTest {

    static final String FEEDBACK_TOPIC = "loket.feedback.events";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    MovableClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    QueueTopic queue;

    @BeforeEach
    void open() {
        queue = new QueueTopic(bootstrap);
    }

    @AfterEach
    void close() {
        clock.reset();
        queue.close();
    }

    String newSurvey(String visitId) throws Exception {
        return queue.closeVisitAndAwaitSurvey(visitId, "SDA", "C2", "ADMINISTRATION",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120));
    }

    @Test
    void readingRecordsNothingAndTheSurveyIsAnsweredOnce() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);

        for (int i = 0; i < 3; i++) {
            given().get("/surveys/" + token).then().statusCode(200)
                    .header("Cache-Control", "no-store")
                    .body("branch", equalTo("SDA"))
                    .body("counterId", equalTo("C2"))
                    .body("serviceType", equalTo("ADMINISTRATION"))
                    .body("waitedSeconds", equalTo(900))
                    .body("answered", equalTo(false))
                    .body("questions.id", hasItem("rating"));
        }
        given().get("/survey/" + token).then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer").body(containsString("Survei"));
        assertThat(eventsIn("survey-" + visitId)).isEqualTo(1); // opening the link recorded nothing

        given().contentType(ContentType.JSON)
                .body("{\"rating\":5,\"aspects\":{\"speed\":4,\"friendliness\":5,\"solution\":5},\"comment\":\"Cepat dan ramah\"}")
                .post("/surveys/" + token).then().statusCode(200)
                .body("rating", equalTo(5)).body("followUp", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"rating\":1}")
                .post("/surveys/" + token).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already been answered"));
        given().get("/surveys/" + token).then().statusCode(200).body("answered", equalTo(true));
        given().get("/visits/" + visitId + "/survey").then().statusCode(200).body("answered", equalTo(true));
        assertThat(types("survey-" + visitId)).containsExactly("SurveyOffered", "FeedbackSubmitted");

        try (TopicReader topic = TopicReader.open(bootstrap, FEEDBACK_TOPIC)) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("survey-" + visitId).equals(rec.key())
                    && "loket.feedback.FeedbackSubmitted".equals(header(rec, "ce_type")), WAIT);
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(e.get("rating").asInt()).isEqualTo(5);
            assertThat(e.get("aspects").get("speed").asInt()).isEqualTo(4);
            assertThat(e.get("hasComment").asBoolean()).isTrue();
            assertThat(e.get("branch").asText()).isEqualTo("SDA");
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("Cepat dan ramah");
        }
    }

    @Test
    void lowRatingIsFlaggedForFollowUpAndTheTokenAppearsInNoEventAndNoLogLine() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);
        given().get("/surveys/" + token + "/qr.png").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"rating\":2,\"comment\":\"Antre terlalu lama\",\"phone\":\"0812-3456-7890\"}")
                .post("/surveys/" + token).then().statusCode(200).body("followUp", equalTo(true));
        given().get("/surveys/" + token + "x").then().statusCode(404); // a failing look-up logs nothing either

        try (TopicReader topic = TopicReader.open(bootstrap, FEEDBACK_TOPIC)) {
            ConsumerRecord<String, byte[]> flagged = topic.awaitRecord(rec -> ("survey-" + visitId).equals(rec.key())
                    && "loket.feedback.LowSatisfactionFlagged".equals(header(rec, "ce_type")), WAIT);
            JsonNode e = new ObjectMapper().readTree(flagged.value());
            assertThat(e.get("rating").asInt()).isEqualTo(2);
            assertThat(e.get("comment").asText()).isEqualTo("Antre terlalu lama");
            assertThat(e.get("contactPhone").asText()).isEqualTo("081234567890");
            assertThat(e.get("counterId").asText()).isEqualTo("C2");
            assertThat(e.get("surveyId").asText()).matches("[0-9a-f-]{36}");
            List<ConsumerRecord<String, byte[]>> all = topic.fetch();
            assertThat(all).filteredOn(rec -> ("survey-" + visitId).equals(rec.key())).hasSize(3);
            assertThat(QueueTopic.TOKENS).contains(token);
            // this test's token and every other one handed out so far in this JVM
            for (String t : QueueTopic.TOKENS) {
                for (ConsumerRecord<String, byte[]> rec : all) {
                    assertThat(new String(rec.value(), StandardCharsets.UTF_8)).doesNotContain(t);
                    rec.headers().forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).doesNotContain(t));
                }
            }
        }
        assertThat(countWhere("SELECT count(*) FROM event_store WHERE payload::text LIKE ? OR metadata::text LIKE ?", token))
                .isZero();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("/surveys/{token}"); // requests are counted by route template
        Path log = Path.of("target/feedback-test.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log));
        String logText = Files.readString(log);
        for (String t : QueueTopic.TOKENS) {
            assertThat(logText).doesNotContain(t).doesNotContain(t.substring(0, 20));
            assertThat(metrics).doesNotContain(t);
        }
    }

    @Test
    void unknownTokensAre404() {
        String wellFormed = "A".repeat(43);
        given().get("/surveys/" + wellFormed).then().statusCode(404).contentType("application/problem+json");
        given().get("/surveys/short").then().statusCode(404).contentType("application/problem+json");
        given().get("/surveys/" + wellFormed + "/qr.png").then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"rating\":4}").post("/surveys/" + wellFormed)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anExpiredSurveyIsGone() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);
        clock.advance(Duration.ofDays(7));
        given().get("/surveys/" + token).then().statusCode(410).contentType("application/problem+json")
                .body("status", equalTo(410));
        given().contentType(ContentType.JSON).body("{\"rating\":4}").post("/surveys/" + token)
                .then().statusCode(410).contentType("application/problem+json");
        clock.reset();
        given().contentType(ContentType.JSON).body("{\"rating\":4}").post("/surveys/" + token).then().statusCode(200);
    }

    @Test
    void invalidAnswersAre400NamingTheField() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);
        expect400(token, "{\"rating\":6}", "rating");
        expect400(token, "{\"rating\":0}", "rating");
        expect400(token, "{}", "rating");
        expect400(token, "{\"rating\":\"five\"}", "rating");
        expect400(token, "{\"rating\":4,\"aspects\":{\"speed\":0}}", "aspects.speed");
        expect400(token, "{\"rating\":4,\"aspects\":{\"solution\":9}}", "aspects.solution");
        expect400(token, "{\"rating\":4,\"comment\":\"" + "x".repeat(1001) + "\"}", "comment");
        expect400(token, "{\"rating\":4,\"phone\":\"call me\"}", "phone");
        given().contentType(ContentType.JSON).body("{\"rating\":").post("/surveys/" + token)
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/surveys/" + token).then().statusCode(200).body("answered", equalTo(false)); // nothing half-written
        assertThat(eventsIn("survey-" + visitId)).isEqualTo(1);
    }

    @Test
    void twoAnswersAtOnceAreOneAnswer() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int rating = i + 1;
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body("{\"rating\":" + rating + "}")
                            .post("/surveys/" + token).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) statuses.add(f.get());
            assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(types("survey-" + visitId)).filteredOn("FeedbackSubmitted"::equals).hasSize(1);
    }

    @Test
    void theQrCodeHoldsThePageUrl() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token = newSurvey(visitId);
        byte[] png = given().get("/surveys/" + token + "/qr.png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded).isEqualTo("http://localhost:8084/survey/" + token);
        given().get("/visits/" + visitId + "/survey").then().body("pageUrl", equalTo(decoded));
    }

    private static void expect400(String token, String json, String field) {
        given().contentType(ContentType.JSON).body(json).post("/surveys/" + token)
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    long eventsIn(String streamId) throws Exception {
        return countWhere("SELECT count(*) FROM event_store WHERE stream_id = ?", streamId);
    }

    List<String> types(String streamId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_type FROM event_store WHERE stream_id = ? ORDER BY version")) {
            ps.setString(1, streamId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    long countWhere(String sql, String value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setString(i, sql.contains("LIKE") ? "%" + value + "%" : value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
