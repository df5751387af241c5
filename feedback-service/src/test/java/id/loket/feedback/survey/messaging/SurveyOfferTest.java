package id.loket.feedback.survey.messaging;

import id.loket.feedback.QueueTopic;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static id.loket.feedback.QueueTopic.WAIT;
import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class SurveyOfferTest {

    static final String FEEDBACK_TOPIC = "loket.feedback.events";
    static final String DLQ = "loket.queue.events.feedback-surveys.dlq";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    QueueTopic queue;

    @BeforeEach
    void open() {
        queue = new QueueTopic(bootstrap);
    }

    @AfterEach
    void close() {
        queue.close();
    }

    @Test
    void visitClosedDeliveredThreeTimesBecomesOneSurvey() throws Exception {
        String visitId = UUID.randomUUID().toString();
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        // the counter screen asks before the event has arrived
        given().get("/visits/" + visitId + "/survey").then().statusCode(202).header("Retry-After", "1");

        var payload = QueueTopic.visitClosed(visitId, "SDA", "C3", "ADMINISTRATION", closedAt);
        UUID eventId = UUID.randomUUID();
        queue.send(eventId, "VisitClosed", "ticket-x", payload);
        queue.send(eventId, "VisitClosed", "ticket-x", payload);             // redelivered by the relay
        queue.send(UUID.randomUUID(), "VisitClosed", "ticket-x", payload);   // the same visit closed twice
        String token = QueueTopic.awaitToken(visitId);
        // a later visit on the same key (same partition) proves the three were all handled
        String marker = UUID.randomUUID().toString();
        queue.send(UUID.randomUUID(), "VisitClosed", "ticket-x",
                QueueTopic.visitClosed(marker, "SDA", "C3", "ADMINISTRATION", closedAt));
        QueueTopic.awaitToken(marker);

        assertThat(eventsIn("survey-" + visitId)).isEqualTo(1);
        given().get("/visits/" + visitId + "/survey").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("visitId", equalTo(visitId))
                .body("pageUrl", matchesPattern("http://localhost:8084/survey/[A-Za-z0-9_-]{43}"))
                .body("qrUrl", equalTo("http://localhost:8084/surveys/" + token + "/qr.png"))
                .body("expiresAt", equalTo(closedAt.plus(Duration.ofDays(7)).toString()))
                .body("answered", equalTo(false));

        try (TopicReader topic = TopicReader.open(bootstrap, FEEDBACK_TOPIC)) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("survey-" + visitId).equals(rec.key()), WAIT);
            assertThat(header(r, "ce_type")).isEqualTo("loket.feedback.SurveyOffered");
            assertThat(header(r, "ce_source")).isEqualTo("/loket/feedback");
            assertThat(header(r, "correlation_id")).isEqualTo("corr-" + eventId);
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode e = new ObjectMapper().readTree(value);
            assertThat(e.get("visitId").asText()).isEqualTo(visitId);
            assertThat(e.get("surveyId").asText()).matches("[0-9a-f-]{36}");
            assertThat(e.get("branch").asText()).isEqualTo("SDA");
            assertThat(e.get("counterId").asText()).isEqualTo("C3");
            assertThat(e.get("serviceType").asText()).isEqualTo("ADMINISTRATION");
            assertThat(Instant.parse(e.get("closedAt").asText())).isEqualTo(closedAt);
            assertThat(Instant.parse(e.get("expiresAt").asText())).isEqualTo(closedAt.plus(Duration.ofDays(7)));
            assertThat(value).doesNotContain(token);
            topic.awaitRecord(rec -> ("survey-" + marker).equals(rec.key()), WAIT);
            assertThat(topic.fetch()).filteredOn(rec -> ("survey-" + visitId).equals(rec.key())).hasSize(1);
        }
    }

    @Test
    void otherQueueEventsAreSkippedAndAPoisonVisitClosedIsDeadLettered() throws Exception {
        String ticketIssuedVisit = UUID.randomUUID().toString();
        UUID unknown = UUID.randomUUID();
        queue.send(unknown, "TicketIssued", "ticket-y", "{\"visitId\":\"" + ticketIssuedVisit + "\",\"branch\":\"SDA\"}");
        UUID noBranch = UUID.randomUUID();
        var poison = QueueTopic.visitClosed(UUID.randomUUID().toString(), "SDA", "C1", "A", Instant.now());
        poison.remove("branch");
        queue.send(noBranch, "VisitClosed", "ticket-y", poison);
        UUID notJson = UUID.randomUUID();
        queue.send(notJson, "VisitClosed", "ticket-y", "not json");
        UUID badZone = UUID.randomUUID();
        queue.send(badZone, "VisitClosed", "ticket-y",
                QueueTopic.visitClosed(UUID.randomUUID().toString(), "SDA", "C1", "A", Instant.now(), "Mars/Olympus"));
        String marker = UUID.randomUUID().toString();
        queue.send(UUID.randomUUID(), "VisitClosed", "ticket-y",
                QueueTopic.visitClosed(marker, "SDA", "C1", "A", Instant.now()));
        QueueTopic.awaitToken(marker);

        given().get("/visits/" + ticketIssuedVisit + "/survey").then().statusCode(202);
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            var rejected = dlq.awaitRecord(r -> noBranch.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(rejected, "dead-letter-reason")).contains("branch");
            dlq.awaitRecord(r -> notJson.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(dlq.awaitRecord(r -> badZone.toString().equals(header(r, "ce_id")), WAIT),
                    "dead-letter-reason")).contains("zone");
            assertThat(dlq.fetch()).noneMatch(r -> unknown.toString().equals(header(r, "ce_id")));
        }
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    long eventsIn(String streamId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM event_store WHERE stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
