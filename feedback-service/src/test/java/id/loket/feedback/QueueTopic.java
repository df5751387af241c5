package id.loket.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.test.CloudEventPublisher;
import io.restassured.RestAssured;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Publishes queue-service events to the real loket.queue.events topic, as queue-service's relay would. */
public final class QueueTopic implements AutoCloseable {

    public static final String TOPIC = "loket.queue.events";
    public static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventPublisher publisher;

    public QueueTopic(String bootstrap) {
        publisher = CloudEventPublisher.open(bootstrap).awaitTopic(TOPIC, WAIT);
    }

    /** A VisitClosed payload with the contract's fields. */
    public static ObjectNode visitClosed(String visitId, String branch, String counterId, String serviceType, Instant closedAt) {
        ObjectNode p = JSON.createObjectNode();
        p.put("visitId", visitId);
        p.put("ticketId", UUID.randomUUID().toString());
        p.put("ticketNumber", "A-007");
        p.put("branch", branch);
        p.put("counterId", counterId);
        p.put("serviceType", serviceType);
        p.put("source", "KIOSK");
        p.put("priority", "NONE");
        p.put("issuedAt", closedAt.minusSeconds(1500).toString());
        p.put("calledAt", closedAt.minusSeconds(600).toString());
        p.put("startedAt", closedAt.minusSeconds(540).toString());
        p.put("closedAt", closedAt.toString());
        p.put("waitedSeconds", 900);
        p.put("servedSeconds", 540);
        p.put("outcome", "SERVED");
        p.putNull("complaintId");
        p.putArray("channelsEducated").add("MOBILE_JKN").add("PANDAWA");
        p.put("someFutureField", "ignored");
        return p;
    }

    /** A VisitClosed payload naming the branch's zone, as queue-service writes it since VisitClosed has one. */
    public static ObjectNode visitClosed(String visitId, String branch, String counterId, String serviceType,
                                         Instant closedAt, String zone) {
        ObjectNode p = visitClosed(visitId, branch, counterId, serviceType, closedAt);
        p.put("zone", zone);
        return p;
    }

    public void send(UUID eventId, String eventName, String key, Object payload) throws Exception {
        String value = payload instanceof String text ? text : JSON.writeValueAsString(payload);
        publisher.publish(TOPIC, key, eventId, "loket.queue." + eventName, 1, value, "corr-" + eventId, null);
    }

    /** Publishes one VisitClosed and waits until its survey exists; returns the survey's token. */
    public String closeVisitAndAwaitSurvey(String visitId, String branch, String counterId, String serviceType,
                                           Instant closedAt) throws Exception {
        send(UUID.randomUUID(), "VisitClosed", "ticket-" + UUID.randomUUID(),
                visitClosed(visitId, branch, counterId, serviceType, closedAt));
        return awaitToken(visitId);
    }

    /** As above, with the branch's zone in the VisitClosed. */
    public String closeVisitAndAwaitSurvey(String visitId, String branch, String counterId, String serviceType,
                                           Instant closedAt, String zone) throws Exception {
        send(UUID.randomUUID(), "VisitClosed", "ticket-" + UUID.randomUUID(),
                visitClosed(visitId, branch, counterId, serviceType, closedAt, zone));
        return awaitToken(visitId);
    }

    public static String awaitToken(String visitId) {
        await().atMost(WAIT).until(() -> RestAssured.get("/visits/" + visitId + "/survey").statusCode() == 200);
        String pageUrl = RestAssured.get("/visits/" + visitId + "/survey").then().extract().path("pageUrl");
        String token = pageUrl.substring(pageUrl.lastIndexOf('/') + 1);
        TOKENS.add(token);
        return token;
    }

    /** Every token the tests have been given so far: none may show up in an event, a log line or a metric. */
    public static final Set<String> TOKENS = ConcurrentHashMap.newKeySet();

    @Override
    public void close() {
        publisher.close();
    }
}
