package id.loket.queue.ticket.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class TicketResourceTest {

    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String issueBody(String branch, String type) {
        return "{\"branch\":\"%s\",\"serviceType\":\"%s\",\"source\":\"KIOSK\"}".formatted(branch, type);
    }

    static io.restassured.response.ValidatableResponse issue(String branch, String type) {
        return given().contentType(ContentType.JSON).body(issueBody(branch, type)).post("/tickets").then().statusCode(201);
    }

    @Test
    void numbersRestartEachBusinessDayInTheBranchZone() {
        String jakarta = Fixtures.branch("Asia/Jakarta");
        String makassar = Fixtures.branch("Asia/Makassar"); // WITA, UTC+8
        clock.set(Instant.parse("2030-03-04T16:58:00Z")); // 23:58 WIB on the 4th, 00:58 WITA on the 5th
        issue(jakarta, "A").body("number", equalTo("A-001")).body("businessDate", equalTo("2030-03-04"));
        issue(jakarta, "A").body("number", equalTo("A-002"));
        issue(jakarta, "B").body("number", equalTo("B-001"));
        issue(makassar, "A").body("number", equalTo("A-001")).body("businessDate", equalTo("2030-03-05"));

        clock.set(Instant.parse("2030-03-04T17:00:30Z")); // 00:00:30 WIB on the 5th
        issue(jakarta, "A").body("number", equalTo("A-001")).body("businessDate", equalTo("2030-03-05"))
                .body("visitId", matchesPattern("[0-9a-f-]{36}"));
        issue(makassar, "A").body("number", equalTo("A-002")).body("businessDate", equalTo("2030-03-05"));
    }

    @Test
    void aRejectedRequestTakesNoNumber() {
        String branch = Fixtures.branch("Asia/Jakarta");
        issue(branch, "A").body("number", equalTo("A-001"));
        given().contentType(ContentType.JSON).body(issueBody(branch, "Z")).post("/tickets")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("serviceType"));
        given().contentType(ContentType.JSON).body("{\"branch\":\"" + branch + "\",\"serviceType\":\"A\",\"source\":\"FAX\"}")
                .post("/tickets").then().statusCode(400).body("errors.field", hasItem("source"));
        given().contentType(ContentType.JSON).body(issueBody("NOPE", "A")).post("/tickets").then().statusCode(404);
        issue(branch, "A").body("number", equalTo("A-002"));
    }

    @Test
    void aServedVisitGoesThroughEveryStateAndClosesWithItsFigures() throws Exception {
        String branch = Fixtures.branch("Asia/Makassar");
        String counter = Fixtures.openCounter(branch, "A");
        clock.freeze();
        String id = issue(branch, "A").extract().path("id");
        given().get("/tickets/" + id).then().statusCode(200).body("state", equalTo("WAITING"));
        wrong(id, "start", "WAITING");
        wrong(id, "recall", "WAITING");
        wrong(id, "no-show", "WAITING");
        wrong(id, "return", "WAITING");

        clock.advance(Duration.ofSeconds(90)); // waited 90 s
        given().post("/counters/" + counter + "/call-next").then().statusCode(200)
                .body("id", equalTo(id)).body("state", equalTo("CALLED")).body("counterId", equalTo(counter));
        closeBody(id).then().statusCode(409).body("detail", containsString("CALLED"));
        given().post("/tickets/" + id + "/start").then().statusCode(200).body("state", equalTo("SERVING"));
        wrong(id, "start", "SERVING");
        wrong(id, "recall", "SERVING");
        clock.advance(Duration.ofSeconds(300)); // served 300 s
        closeBody(id).then().statusCode(200).body("state", equalTo("CLOSED")).body("outcome", equalTo("ARREARS_EXPLAINED"));
        wrong(id, "start", "CLOSED");
        closeBody(id).then().statusCode(409).body("detail", containsString("CLOSED"));
        given().contentType(ContentType.JSON).body("{\"serviceType\":\"B\"}").post("/tickets/" + id + "/transfer")
                .then().statusCode(409).body("detail", containsString("CLOSED"));

        given().get("/tickets/" + id + "/events").then().statusCode(200)
                .body("type", contains("TicketIssued", "TicketCalled", "ServiceStarted", "VisitClosed"))
                .body("[3].payload.waitedSeconds", equalTo(90))
                .body("[3].payload.servedSeconds", equalTo(300));

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.queue.events")) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("ticket-" + id).equals(rec.key())
                    && "loket.queue.VisitClosed".equals(header(rec, "ce_type")), Duration.ofSeconds(60));
            JsonNode e = new ObjectMapper().readTree(r.value());
            assertThat(e.get("ticketId").asText()).isEqualTo(id);
            assertThat(e.get("visitId").asText()).matches("[0-9a-f-]{36}");
            assertThat(e.get("branch").asText()).isEqualTo(branch);
            assertThat(e.get("counterId").asText()).isEqualTo(counter);
            assertThat(e.get("source").asText()).isEqualTo("KIOSK");
            assertThat(e.get("priority").asText()).isEqualTo("NONE");
            assertThat(e.get("waitedSeconds").asLong()).isEqualTo(90);
            assertThat(e.get("servedSeconds").asLong()).isEqualTo(300);
            assertThat(e.get("complaintId").isNull()).isTrue();
            assertThat(e.get("channelsEducated").get(0).asText()).isEqualTo("MOBILE_JKN");
            assertThat(e.get("zone").asText()).isEqualTo("Asia/Makassar"); // readers' local day of the visit
            assertThat(header(r, "ce_source")).isEqualTo("/loket/queue");
        }
        given().get("/tickets/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().post("/tickets/00000000-0000-0000-0000-000000000000/start").then().statusCode(404);
    }

    @Test
    void recallAfterTheGracePeriodNoShowAfterTheRecallsThenBackToTheQueue() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String id = issue(branch, "A").extract().path("id");
        assertThat(Fixtures.callNext(counter)).isEqualTo(id);
        given().post("/tickets/" + id + "/recall").then().statusCode(409).body("detail", containsString("grace period"));
        clock.advance(Duration.ofSeconds(121));
        given().post("/tickets/" + id + "/recall").then().statusCode(200).body("recalls", equalTo(1));
        clock.advance(Duration.ofSeconds(121));
        given().post("/tickets/" + id + "/no-show").then().statusCode(409).body("detail", containsString("recalled 1 time"));
        given().post("/tickets/" + id + "/recall").then().statusCode(200).body("recalls", equalTo(2));
        given().post("/tickets/" + id + "/no-show").then().statusCode(409).body("detail", containsString("grace period"));
        clock.advance(Duration.ofSeconds(121));
        given().post("/tickets/" + id + "/no-show").then().statusCode(200).body("state", equalTo("NO_SHOW"));
        wrong(id, "recall", "NO_SHOW");
        wrong(id, "start", "NO_SHOW");
        given().post("/counters/" + counter + "/call-next").then().statusCode(204);

        given().contentType(ContentType.JSON).body("{\"by\":\"supervisor\"}").post("/tickets/" + id + "/return")
                .then().statusCode(200).body("state", equalTo("WAITING")).body("recalls", equalTo(0));
        assertThat(Fixtures.callNext(counter)).isEqualTo(id);
        given().get("/tickets/" + id + "/events").then()
                .body("type", contains("TicketIssued", "TicketCalled", "TicketRecalled", "TicketRecalled",
                        "TicketMarkedNoShow", "TicketReturnedToQueue", "TicketCalled"));
    }

    @Test
    void priorityFirstButNoMoreThanTheCapInARow() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String w1 = Fixtures.issue(branch, "A", "NONE");
        String w2 = Fixtures.issue(branch, "A", "NONE");
        String p1 = Fixtures.issue(branch, "A", "ELDERLY");
        String p2 = Fixtures.issue(branch, "A", "PREGNANT");
        String p3 = Fixtures.issue(branch, "A", "DISABLED");
        String p4 = Fixtures.issue(branch, "A", "ELDERLY");
        String p5 = Fixtures.issue(branch, "A", "ELDERLY");
        List<String> called = new ArrayList<>();
        for (int i = 0; i < 7; i++) called.add(Fixtures.serveNext(counter));
        assertThat(called).containsExactly(p1, p2, p3, w1, p4, p5, w2);
        given().post("/counters/" + counter + "/call-next").then().statusCode(204);
    }

    @Test
    void aTransferredTicketKeepsItsPlaceByOriginalIssueTime() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counterA = Fixtures.openCounter(branch, "A");
        String counterB = Fixtures.openCounter(branch, "B");
        String first = Fixtures.issue(branch, "A", "NONE");
        String b1 = Fixtures.issue(branch, "B", "NONE");
        Fixtures.issue(branch, "B", "NONE");
        assertThat(Fixtures.callNext(counterA)).isEqualTo(first);
        given().post("/tickets/" + first + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"serviceType\":\"B\"}").post("/tickets/" + first + "/transfer")
                .then().statusCode(200).body("state", equalTo("WAITING")).body("serviceType", equalTo("B"))
                .body("number", equalTo("A-001"));
        given().contentType(ContentType.JSON).body("{\"serviceType\":\"Q\"}").post("/tickets/" + b1 + "/transfer")
                .then().statusCode(400).body("errors.field", hasItem("serviceType"));
        assertThat(Fixtures.serveNext(counterB)).isEqualTo(first);
        assertThat(Fixtures.callNext(counterB)).isEqualTo(b1);
        given().post("/counters/" + counterA + "/call-next").then().statusCode(204);
    }

    @Test
    void concurrentCallersNeverGetTheSameTicket() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        int tickets = 40;
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < tickets; i++) issued.add(Fixtures.issue(branch, "A", i % 5 == 0 ? "ELDERLY" : "NONE"));
        List<String> counters = new ArrayList<>();
        for (int i = 0; i < 8; i++) counters.add(Fixtures.openCounter(branch, "A", "B"));
        ExecutorService pool = Executors.newFixedThreadPool(counters.size());
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (String counter : counters) {
                results.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> mine = new ArrayList<>();
                    while (true) {
                        var r = given().post("/counters/" + counter + "/call-next").then().extract();
                        if (r.statusCode() == 204) return mine;
                        assertThat(r.statusCode()).isEqualTo(200);
                        String id = r.path("id");
                        mine.add(id);
                        // free the counter for its next call: a counter calls one visitor at a time
                        given().post("/tickets/" + id + "/start").then().statusCode(200);
                        given().contentType(ContentType.JSON).body("{\"outcome\":\"SERVED\"}")
                                .post("/tickets/" + id + "/close").then().statusCode(200);
                    }
                }));
            }
            List<String> called = new ArrayList<>();
            for (Future<List<String>> f : results) called.addAll(f.get());
            assertThat(called).hasSize(tickets).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(issued);
        } finally {
            pool.shutdownNow();
        }
        for (String id : issued) {
            given().get("/tickets/" + id + "/events").then()
                    .body("type", contains("TicketIssued", "TicketCalled", "ServiceStarted", "VisitClosed"));
        }
    }

    private static io.restassured.response.Response closeBody(String id) {
        return given().contentType(ContentType.JSON)
                .body("{\"outcome\":\"ARREARS_EXPLAINED\",\"channelsEducated\":[\"MOBILE_JKN\"]}")
                .post("/tickets/" + id + "/close");
    }

    private static void wrong(String id, String action, String state) {
        given().contentType(ContentType.JSON).post("/tickets/" + id + "/" + action).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is " + state));
    }
}
