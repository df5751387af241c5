package id.loket.queue.counter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.EventContract;
import id.loket.platform.test.TestTokens;
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

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A counter's sessions are events on the queue topic: opened by whom, closed with the session's length. */
@QuarkusTest
class CounterSessionsTest {

    @Inject
    TestClock clock;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void openingAndClosingACounterPublishWhoOpenedItAndHowLongItWasOpen() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = branch + "-S1";
        given().contentType(ContentType.JSON).body("{\"id\":\"%s\",\"name\":\"Loket S1\",\"serviceTypes\":[\"A\"]}".formatted(counter))
                .post("/branches/" + branch + "/counters").then().statusCode(201).body("open", equalTo(false));
        String frontliner = TestTokens.bearer("frontliner-" + branch, branch, "FRONTLINER");
        clock.freeze();

        // no staff given: the signed-in person staffs it
        given().header("Authorization", frontliner).contentType(ContentType.JSON).body("{}")
                .post("/counters/" + counter + "/open").then().statusCode(200)
                .body("open", equalTo(true)).body("staffedBy", equalTo("frontliner-" + branch));
        given().header("Authorization", frontliner).contentType(ContentType.JSON).body("{\"staff\":\"Rina\"}")
                .post("/counters/" + counter + "/open").then().statusCode(409).body("detail", containsString("OPEN"));
        clock.advance(Duration.ofMinutes(95));
        given().header("Authorization", TestTokens.bearer("supervisor-" + branch, branch, "SUPERVISOR"))
                .post("/counters/" + counter + "/close").then().statusCode(200)
                .body("open", equalTo(false)).body("staffedBy", nullValue());
        given().post("/counters/" + counter + "/close").then().statusCode(409).body("detail", containsString("CLOSED"));
        given().contentType(ContentType.JSON).body("{\"staff\":\"Budi\"}").post("/counters/" + counter + "/open")
                .then().statusCode(200).body("staffedBy", equalTo("Budi"));
        given().get("/counters/" + counter).then().body("open", equalTo(true)).body("staffedBy", equalTo("Budi"));
        given().get("/branches/" + branch).then().body("counters[0].staffedBy", equalTo("Budi"));

        EventContract contract = EventContract.load();
        ObjectMapper json = new ObjectMapper();
        try (TopicReader topic = TopicReader.open(bootstrap, "loket.queue.events")) {
            ConsumerRecord<String, byte[]> opened = topic.awaitRecord(r -> ("counter-" + counter).equals(r.key())
                    && "loket.queue.CounterOpened".equals(header(r, "ce_type")), Duration.ofSeconds(60));
            contract.assertValid(opened);
            JsonNode o = json.readTree(opened.value());
            assertThat(o.get("counterId").asText()).isEqualTo(counter);
            assertThat(o.get("branch").asText()).isEqualTo(branch);
            assertThat(o.get("staff").asText()).isEqualTo("frontliner-" + branch);
            assertThat(o.get("openedBy").asText()).isEqualTo("frontliner-" + branch);
            assertThat(header(opened, "actor")).isEqualTo("frontliner-" + branch);

            ConsumerRecord<String, byte[]> closed = topic.awaitRecord(r -> ("counter-" + counter).equals(r.key())
                    && "loket.queue.CounterClosed".equals(header(r, "ce_type")), Duration.ofSeconds(60));
            contract.assertValid(closed);
            JsonNode c = json.readTree(closed.value());
            assertThat(c.get("staff").asText()).isEqualTo("frontliner-" + branch);
            assertThat(c.get("closedBy").asText()).isEqualTo("supervisor-" + branch);
            assertThat(c.get("openedAt").asText()).isEqualTo(o.get("openedAt").asText());
            assertThat(c.get("openSeconds").asLong()).isEqualTo(95 * 60);
        }
    }

    @Test
    void aCounterOfTheFixturesIsOpenedThroughItsSession() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        given().get("/counters/" + counter).then().body("open", equalTo(true)).body("staffedBy", equalTo("frontliner " + counter));
        given().contentType(ContentType.JSON).body("{\"staff\":\"" + "x".repeat(101) + "\"}")
                .post("/counters/" + counter + "/open").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("staff"));
    }
}
