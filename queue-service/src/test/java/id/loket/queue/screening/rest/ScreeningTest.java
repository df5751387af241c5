package id.loket.queue.screening.rest;

import id.loket.platform.privacy.NikHasher;
import id.loket.platform.test.CloudEventPublisher;
import id.loket.platform.test.TestTokens;
import id.loket.platform.test.TopicReader;
import id.loket.queue.Fixtures;
import id.loket.queue.MembershipStandIn;
import id.loket.queue.Niks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ScreeningTest {

    static final String TOPIC = "loket.membership.events";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    NikHasher hasher;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.rest-client.membership.url")
    String membershipUrl;

    CloudEventPublisher publisher;

    @BeforeEach
    void publisher() {
        publisher = CloudEventPublisher.open(bootstrap);
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void suspensionPublishedByMembershipIsWhatTheDoorSeesAndADuplicateHasOneEffect() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String nik = Niks.female1990();
        UUID participant = UUID.randomUUID();
        String card = String.format("%013d", Math.abs(participant.getMostSignificantBits() % 1_000_000_000_000L));
        String nikHash = hasher.hash(nik);
        publish(participant, UUID.randomUUID(), "ParticipantRegistered", """
                {"participantId":"%s","cardNumber":"%s","nikHash":"%s","nikLast4":"%s","familyCardHash":"%s",
                 "sex":"FEMALE","segment":"PBPU","careClass":"III","registrationDate":"2024-01-15","someFutureField":1}"""
                .formatted(participant, card, nikHash, nik.substring(12), "f".repeat(64)));
        UUID suspension = UUID.randomUUID();
        String suspended = """
                {"participantId":"%s","nikHash":"%s","effectiveFrom":"2026-09-01","monthsInArrears":3,"accountId":"KK-1","arrearsAmount":105000}"""
                .formatted(participant, nikHash);
        publish(participant, suspension, "ParticipantSuspended", suspended);

        await().atMost(WAIT).untilAsserted(() -> check(branch, nik, "STATUS_CHECK")
                .body("membership.status", equalTo("SUSPENDED")));
        check(branch, nik, "STATUS_CHECK")
                .body("membership.monthsInArrears", equalTo(3))
                .body("membership.arrearsMonths", equalTo(3))
                .body("membership.arrearsAmount", equalTo(105000))
                .body("membership.source", equalTo("LOCAL_COPY"))
                .body("membership.nikLast4", equalTo(nik.substring(12)))
                .body("suggestion.outcome", equalTo("TICKET"))
                .body("suggestion.serviceType", equalTo("C"));
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"cardNumber\":\"%s\",\"purpose\":\"INFORMATION\"}"
                        .formatted(branch, card)).post("/screenings/check")
                .then().statusCode(200).body("membership.status", equalTo("SUSPENDED"));

        // reactivated, then the suspension is delivered again: it must have no second effect
        publish(participant, UUID.randomUUID(), "ParticipantReactivated",
                "{\"participantId\":\"%s\",\"nikHash\":\"%s\",\"effectiveFrom\":\"2026-11-20\"}".formatted(participant, nikHash));
        publish(participant, suspension, "ParticipantSuspended", suspended);
        publish(participant, UUID.randomUUID(), "SomethingFromTheFuture", "{\"participantId\":\"" + participant + "\"}");
        UUID marker = UUID.randomUUID();
        publish(participant, marker, "ParticipantDataCorrected", "{\"participantId\":\"" + participant + "\"}");
        await().atMost(WAIT).until(() -> processed(marker));
        check(branch, nik, "STATUS_CHECK").body("membership.status", equalTo("ACTIVE"))
                .body("membership.monthsInArrears", nullValue())
                .body("membership.arrearsMonths", nullValue())
                .body("membership.arrearsAmount", nullValue())
                .body("suggestion.outcome", equalTo("DIRECTED_TO_DIGITAL"))
                .body("suggestion.channel", equalTo("MOBILE_JKN"));
    }

    @Test
    void theDoorRecordsTheMonthsAndAmountInArrearsItSawAndASuspensionWithoutAnAmountSaysSo() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String nik = Niks.female1990();
        UUID participant = UUID.randomUUID();
        String nikHash = hasher.hash(nik);
        publish(participant, UUID.randomUUID(), "ParticipantRegistered", """
                {"participantId":"%s","cardNumber":"%013d","nikHash":"%s","nikLast4":"%s"}"""
                .formatted(participant, Math.abs(participant.getLeastSignificantBits() % 1_000_000_000_000L), nikHash, nik.substring(12)));
        // an older suspension: months, no amount
        publish(participant, UUID.randomUUID(), "ParticipantSuspended", """
                {"participantId":"%s","nikHash":"%s","effectiveFrom":"2026-09-01","monthsInArrears":2,"accountId":"KK-2"}"""
                .formatted(participant, nikHash));
        await().atMost(WAIT).untilAsserted(() -> check(branch, nik, "ARREARS_PAYMENT")
                .body("membership.status", equalTo("SUSPENDED")).body("membership.arrearsMonths", equalTo(2))
                .body("membership.arrearsAmount", nullValue()));
        publish(participant, UUID.randomUUID(), "ParticipantReactivated",
                "{\"participantId\":\"%s\",\"nikHash\":\"%s\",\"effectiveFrom\":\"2026-10-20\"}".formatted(participant, nikHash));
        publish(participant, UUID.randomUUID(), "ParticipantSuspended", """
                {"participantId":"%s","nikHash":"%s","effectiveFrom":"2026-12-01","monthsInArrears":1,"accountId":"KK-2","arrearsAmount":35000}"""
                .formatted(participant, nikHash));
        await().atMost(WAIT).untilAsserted(() -> check(branch, nik, "ARREARS_PAYMENT")
                .body("membership.arrearsMonths", equalTo(1)).body("membership.arrearsAmount", equalTo(35000)));

        String visitId = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"nik\":\"%s\",\"purpose\":\"ARREARS_PAYMENT\"}".formatted(branch, nik))
                .post("/screenings").then().statusCode(201)
                .body("membership.arrearsAmount", equalTo(35000)).body("ticket.serviceType", equalTo("C"))
                .extract().path("visitId");
        try (TopicReader topic = TopicReader.open(bootstrap, "loket.queue.events")) {
            var r = topic.awaitRecord(rec -> ("visit-" + visitId).equals(rec.key()), WAIT);
            id.loket.platform.test.EventContract.load().assertValid(r);
            var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value());
            assertThat(event.get("monthsInArrears").asInt()).isEqualTo(1);
            assertThat(event.get("arrearsAmount").asLong()).isEqualTo(35000);
        }
    }

    @Test
    void aSuspendedVisitorTheLocalCopyDoesNotKnowGetsMonthsAndAmountFromMembershipService() {
        String branch = Fixtures.branch("Asia/Jakarta");
        given().header("Authorization", TestTokens.bearer("officer-" + branch, branch, "SECURITY_OFFICER"))
                .contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"cardNumber\":\"%s\",\"purpose\":\"STATUS_CHECK\"}".formatted(branch, MembershipStandIn.SUSPENDED_CARD))
                .post("/screenings/check").then().statusCode(200)
                .body("membership.status", equalTo("SUSPENDED"))
                .body("membership.source", equalTo("MEMBERSHIP_SERVICE"))
                .body("membership.arrearsMonths", equalTo(3))
                .body("membership.arrearsAmount", equalTo(105000))
                .body("suggestion.serviceType", equalTo("C"));
    }

    @Test
    void aMessageWithoutParticipantGoesToTheDeadLetterTopic() {
        UUID bad = UUID.randomUUID();
        publish(UUID.randomUUID(), bad, "ParticipantSuspended", "{\"monthsInArrears\":3}");
        try (TopicReader dlq = TopicReader.open(bootstrap, TOPIC + ".queue-membership-status.dlq")) {
            var r = dlq.awaitRecord(rec -> bad.toString().equals(header(rec, "ce_id")), WAIT);
            assertThat(header(r, "dead-letter-reason")).contains("participantId");
        }
    }

    @Test
    void unknownPersonWhileMembershipServiceIsDownIsUnknownAndTheDoorStillWorks() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String nik = Niks.female1990();
        var screened = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"nik\":\"%s\",\"purpose\":\"COMPLAINT\",\"priority\":\"ELDERLY\"}".formatted(branch, nik))
                .post("/screenings").then().statusCode(201)
                .body("visitId", matchesPattern("[0-9a-f-]{36}"))
                .body("membership.status", equalTo("UNKNOWN"))
                .body("membership.source", equalTo("NONE"))
                .body("suggestion.outcome", equalTo("TICKET"))
                .body("outcome", equalTo("TICKET"))
                .body("ticket.number", equalTo("B-001"))
                .body("ticket.source", equalTo("SCREENING"))
                .body("ticket.priority", equalTo("ELDERLY"))
                .extract();
        assertThat((String) screened.path("ticket.visitId")).isEqualTo(screened.path("visitId"));
        String visitId = screened.path("visitId");
        try (TopicReader topic = TopicReader.open(bootstrap, "loket.queue.events")) {
            var r = topic.awaitRecord(rec -> ("visit-" + visitId).equals(rec.key()), WAIT);
            assertThat(header(r, "ce_type")).isEqualTo("loket.queue.VisitorScreened");
            String value = new String(r.value(), StandardCharsets.UTF_8);
            assertThat(value).doesNotContain(nik).doesNotContain(hasher.hash(nik));
            var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(value);
            assertThat(event.get("nikLast4").asText()).isEqualTo(nik.substring(12));
            assertThat(event.get("ticketNumber").asText()).isEqualTo("B-001");
            assertThat(event.get("membershipStatus").asText()).isEqualTo("UNKNOWN");
        }
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"cardNumber\":\"0009999999999\",\"purpose\":\"STATUS_CHECK\"}"
                        .formatted(branch)).post("/screenings/check")
                .then().statusCode(200).body("membership.status", equalTo("UNKNOWN")).body("suggestion.serviceType", equalTo("A"));
        // the officer overrides the suggestion: no ticket
        given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"nik\":\"%s\",\"purpose\":\"COMPLAINT\",\"outcome\":\"DIRECTED_TO_DIGITAL\",\"channel\":\"PANDAWA\"}"
                        .formatted(branch, nik))
                .post("/screenings").then().statusCode(201)
                .body("outcome", equalTo("DIRECTED_TO_DIGITAL")).body("channel", equalTo("PANDAWA"))
                .body("ticket", nullValue());
    }

    @Test
    void theOfficersOwnTokenGoesAlongToMembershipService() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String officer = TestTokens.bearer("officer-" + branch, branch, "SECURITY_OFFICER");
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"cardNumber\":\"%s\",\"purpose\":\"STATUS_CHECK\"}".formatted(branch, MembershipStandIn.KNOWN_CARD))
                .post("/screenings/check").then().statusCode(200)
                .body("membership.status", equalTo("ACTIVE"))
                .body("membership.source", equalTo("MEMBERSHIP_SERVICE"));
        // membership-service saw the officer's token (to verify it and audit the look-up as theirs), not none
        HttpResponse<String> seen = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(membershipUrl + "/seen")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(seen.body().lines()).contains(officer);
    }

    @Test
    void badScreeningInputIsA400NamingTheField() {
        String branch = Fixtures.branch("Asia/Jakarta");
        expect400("{\"branch\":\"%s\",\"nik\":\"123\",\"purpose\":\"INFORMATION\"}".formatted(branch), "nik");
        expect400("{\"branch\":\"%s\",\"nik\":\"3515083207900001\",\"purpose\":\"INFORMATION\"}".formatted(branch), "nik");
        expect400("{\"branch\":\"%s\",\"cardNumber\":\"12\",\"purpose\":\"INFORMATION\"}".formatted(branch), "cardNumber");
        expect400("{\"branch\":\"%s\",\"purpose\":\"SHOPPING\"}".formatted(branch), "purpose");
        expect400("{\"branch\":\"%s\",\"purpose\":\"INFORMATION\",\"outcome\":\"TICKET\",\"serviceType\":\"Z\"}".formatted(branch), "serviceType");
        expect400("{\"branch\":\"%s\",\"purpose\":\"INFORMATION\",\"outcome\":\"DIRECTED_TO_DIGITAL\"}".formatted(branch), "channel");
        // a visitor without identity asking for information is answered on the spot
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"purpose\":\"INFORMATION\"}".formatted(branch))
                .post("/screenings").then().statusCode(201).body("outcome", equalTo("ANSWERED_ON_SPOT"));
        // no number was taken by the rejected TICKET request
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"source\":\"KIOSK\"}".formatted(branch))
                .post("/tickets").then().statusCode(201).body("number", equalTo("A-001"));
    }

    private static void expect400(String body, String field) {
        given().contentType(ContentType.JSON).body(body).post("/screenings").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static ValidatableResponse check(String branch, String nik, String purpose) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"nik\":\"%s\",\"purpose\":\"%s\"}".formatted(branch, nik, purpose))
                .post("/screenings/check").then().statusCode(200);
    }

    private void publish(UUID participant, UUID eventId, String type, String payload) {
        publisher.publish(TOPIC, "participant-" + participant, eventId, "loket.membership." + type, 1, payload,
                "test-" + eventId, null);
    }

    private boolean processed(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }
}
