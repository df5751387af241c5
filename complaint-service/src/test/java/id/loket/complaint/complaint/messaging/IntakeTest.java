package id.loket.complaint.complaint.messaging;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import id.loket.platform.test.CloudEventPublisher;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static id.loket.complaint.Api.get;
import static id.loket.complaint.Api.register;
import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The consumers, fed through the real topics by a plain producer with CloudEvents headers. */
@QuarkusTest
class IntakeTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String FEEDBACK = "loket.feedback.events";
    static final String QUEUE = "loket.queue.events";
    static final String MEMBERSHIP = "loket.membership.events";

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    CloudEventPublisher publisher;

    @BeforeEach
    void publisher() {
        publisher = CloudEventPublisher.open(bootstrap);
        for (String topic : List.of(FEEDBACK, QUEUE, MEMBERSHIP)) publisher.awaitTopic(topic, WAIT);
        clock.setWib("2026-12-07T10:00");
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    static String lowSatisfaction(UUID surveyId, String visitId, String phone) {
        return """
                {"surveyId":"%s","visitId":"%s","branch":"SDA","counterId":"C-02","serviceType":"B","rating":1,
                 "comment":"Antrean terlalu lama","contactPhone":%s,"someFutureField":{"x":1}}"""
                .formatted(surveyId, visitId, phone == null ? "null" : "\"" + phone + "\"");
    }

    @Test
    void aLowRatingOpensOneFollowUpHoweverOftenItIsDelivered() throws Exception {
        UUID survey = UUID.randomUUID();
        String visit = UUID.randomUUID().toString();
        String key = "survey-" + visit;
        UUID eventId = UUID.randomUUID();
        send(FEEDBACK, key, eventId, "loket.feedback.LowSatisfactionFlagged", lowSatisfaction(survey, visit, "081299990000"));
        send(FEEDBACK, key, eventId, "loket.feedback.LowSatisfactionFlagged", lowSatisfaction(survey, visit, "081299990000"));
        // published again by a relay restart: a new event id, the same survey
        send(FEEDBACK, key, UUID.randomUUID(), "loket.feedback.LowSatisfactionFlagged", lowSatisfaction(survey, visit, "081299990000"));
        // a marker on the same partition: once it is handled, the three before it were too
        UUID marker = UUID.randomUUID();
        send(FEEDBACK, key, UUID.randomUUID(), "loket.feedback.LowSatisfactionFlagged", lowSatisfaction(marker, visit, null));
        String markerId = SatisfactionFollowUp.complaintIdFor(marker).toString();
        await().atMost(WAIT).until(() -> given().get("/complaints/" + markerId).statusCode() == 200);

        assertThat(Api.count(dataSource, "SELECT count(*) FROM complaint_view WHERE survey_id = ?", survey)).isEqualTo(1);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE event_type = 'ComplaintRegistered' AND payload->>'surveyId' = ?",
                survey.toString())).isEqualTo(1);
        String id = SatisfactionFollowUp.complaintIdFor(survey).toString();
        get(id).body("category", equalTo("SATISFACTION_FOLLOW_UP"))
                .body("channel", equalTo("SURVEY"))
                .body("visitId", equalTo(visit))
                .body("counterId", equalTo("C-02"))
                .body("surveyId", equalTo(survey.toString()))
                .body("reporterContact.phone", equalTo("081299990000"))
                .body("description", containsString("Antrean terlalu lama"));
        get(markerId).body("reporterContact", equalTo(null));
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE payload::text LIKE '%081299990000%'")).isZero();
    }

    @Test
    void aClosedVisitWithAComplaintIdIsLinkedOnTheTimeline() throws Exception {
        String id = register("SDA", "DATA_CORRECTION", "COUNTER");
        String visit = UUID.randomUUID().toString();
        String ticket = UUID.randomUUID().toString();
        String payload = """
                {"visitId":"%s","ticketId":"%s","ticketNumber":"B-014","branch":"SDA","counterId":"C-03","serviceType":"B",
                 "source":"SCREENING","priority":false,"issuedAt":"2026-12-07T02:00:00Z","calledAt":"2026-12-07T02:10:00Z",
                 "startedAt":"2026-12-07T02:11:00Z","closedAt":"2026-12-07T02:25:00Z","waitedSeconds":600,"servedSeconds":840,
                 "outcome":"SOLVED","complaintId":"%s","channelsEducated":["PANDAWA"]}""".formatted(visit, ticket, id);
        UUID eventId = UUID.randomUUID();
        send(QUEUE, "ticket-" + ticket, eventId, "loket.queue.VisitClosed", payload);
        send(QUEUE, "ticket-" + ticket, eventId, "loket.queue.VisitClosed", payload);
        await().atMost(WAIT).until(() -> given().get("/complaints/" + id).then().extract()
                .<List<String>>path("timeline.type").contains("VisitLinked"));
        get(id).body("visitId", equalTo(visit)).body("counterId", equalTo("C-03"))
                .body("timeline.findAll { it.type == 'VisitLinked' }.size()", equalTo(1))
                .body("timeline.find { it.type == 'VisitLinked' }.detail.ticketNumber", equalTo("B-014"));
    }

    @Test
    void aDeactivationNamingTheComplaintIsRecordedAsTheActionTaken() throws Exception {
        String id = register("SDA", "DECEASED_DEACTIVATION", "COUNTER");
        String reference = get(id).extract().path("reference");
        String participant = UUID.randomUUID().toString();
        // an unrelated membership event (no complaint reference) is skipped
        send(MEMBERSHIP, "participant-" + participant, UUID.randomUUID(), "loket.membership.ParticipantSuspended",
                "{\"participantId\":\"%s\",\"nikHash\":\"ab\",\"effectiveFrom\":\"2026-12-01\",\"monthsInArrears\":2,\"accountId\":\"kk-1\"}"
                        .formatted(participant));
        send(MEMBERSHIP, "participant-" + participant, UUID.randomUUID(), "loket.membership.ParticipantDeactivated",
                "{\"participantId\":\"%s\",\"nikHash\":\"ab\",\"reason\":\"DECEASED\",\"effectiveFrom\":\"2026-11-30\",\"complaintReference\":\"%s\"}"
                        .formatted(participant, reference));
        await().atMost(WAIT).until(() -> given().get("/complaints/" + id).then().extract()
                .<List<String>>path("timeline.type").contains("MembershipActionRecorded"));
        get(id).body("timeline.find { it.type == 'MembershipActionRecorded' }.detail.action", equalTo("ParticipantDeactivated"))
                .body("timeline.find { it.type == 'MembershipActionRecorded' }.detail.reason", equalTo("DECEASED"))
                .body("timeline.find { it.type == 'MembershipActionRecorded' }.detail.effectiveFrom", equalTo("2026-11-30"))
                .body("timeline.find { it.type == 'MembershipActionRecorded' }.detail.participantId", equalTo(participant));
    }

    @Test
    void aReferenceToAnUnknownComplaintGoesToTheDeadLetterTopic() throws Exception {
        UUID eventId = UUID.randomUUID();
        String participant = UUID.randomUUID().toString();
        send(MEMBERSHIP, "participant-" + participant, eventId, "loket.membership.ParticipantDeactivated",
                "{\"participantId\":\"%s\",\"nikHash\":\"ab\",\"reason\":\"DECEASED\",\"effectiveFrom\":\"2026-11-30\",\"complaintReference\":\"SDA-19990101-9999\"}"
                        .formatted(participant));
        try (TopicReader dlq = TopicReader.open(bootstrap, "loket.membership.events.complaint-membership-actions.dlq")) {
            var r = dlq.awaitRecord(rec -> eventId.toString().equals(header(rec, "ce_id")), WAIT);
            assertThat(header(r, "dead-letter-reason")).contains("SDA-19990101-9999");
        }
    }

    private void send(String topic, String key, UUID eventId, String ceType, String payload) {
        publisher.publish(topic, key, eventId, ceType, 1, payload, null, Instant.parse("2026-12-07T03:00:00Z"));
    }
}
