package id.loket.platform.it;

import id.loket.platform.test.CloudEventPublisher;
import id.loket.platform.test.TestPostgres;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static id.loket.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ConsumerTest {

    static final String INBOX = "loket.platformtest.inbox";
    static final String DLQ = "loket.platformtest.inbox.watcher.dlq";
    static final Duration WAIT = Duration.ofSeconds(30);
    // one key: one partition, so a later marker proves the records before it were handled
    static final String KEY = "tally-inbox";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    CloudEventPublisher publisher;

    @BeforeEach
    void publisher() {
        publisher = CloudEventPublisher.open(bootstrap).awaitTopic(INBOX, WAIT);
    }

    @AfterEach
    void close() {
        publisher.close();
    }

    @Test
    void redeliveredEventHasOneEffect() throws Exception {
        UUID id = UUID.randomUUID();
        send(id, "loket.other.TallyIncremented", "{\"by\":3}");
        send(id, "loket.other.TallyIncremented", "{\"by\":3}");
        UUID marker = UUID.randomUUID();
        send(marker, "loket.other.TallyIncremented", "{\"by\":1}");
        await().atMost(WAIT).until(() -> seen(marker) == 1);
        assertThat(seen(id)).isEqualTo(1);
        assertThat(correlationOf(id)).isEqualTo("corr-" + id);
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndThePartitionGoesOn() throws Exception {
        UUID unparseable = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        send(unparseable, "loket.other.TallyIncremented", "this is not json");
        send(invalid, "loket.other.TallyIncremented", "{\"by\":-4}");
        UUID after = UUID.randomUUID();
        send(after, "loket.other.TallyIncremented", "{\"by\":2}");

        await().atMost(WAIT).until(() -> seen(after) == 1);
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            var bad = dlq.awaitRecord(r -> unparseable.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(bad, "dead-letter-reason")).isNotBlank();
            var rejected = dlq.awaitRecord(r -> invalid.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(rejected, "dead-letter-reason")).contains("positive whole number");
        }
        assertThat(seen(unparseable)).isZero();
        assertThat(seen(invalid)).isZero();
        // ops see dead letters as a count per consumer
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("loket_consumer_dead_lettered_total{consumer=\"watcher\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void unknownEventTypeIsSkipped() throws Exception {
        UUID unknown = UUID.randomUUID();
        send(unknown, "loket.other.SomethingFromTheFuture", "{\"by\":9}");
        UUID poison = UUID.randomUUID(); // dead-lettered after the unknown one, were that dead-lettered too
        send(poison, "loket.other.TallyIncremented", "not json either");
        UUID marker = UUID.randomUUID();
        send(marker, "loket.other.TallyIncremented", "{\"by\":1}");
        await().atMost(WAIT).until(() -> seen(marker) == 1);
        assertThat(seen(unknown)).isZero();
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            dlq.awaitRecord(r -> poison.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(dlq.fetch()).noneMatch(r -> unknown.toString().equals(header(r, "ce_id")));
        }
    }

    @Test
    void databaseOutageIsRetriedNotDeadLettered() throws Exception {
        UUID id = UUID.randomUUID();
        TestPostgres.get().stop();
        try {
            send(id, "loket.other.TallyIncremented", "{\"by\":5}");
            try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                        .until(() -> dlq.fetch().stream().noneMatch(r -> id.toString().equals(header(r, "ce_id"))));
            }
        } finally {
            TestPostgres.get().start();
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> seen(id) == 1);
    }

    private void send(UUID eventId, String ceType, String payload) {
        // schema version 2: the current shape of TallyIncremented ({"by"}), so the test upcaster leaves it alone
        publisher.publish(INBOX, KEY, eventId, ceType, 2, payload, "corr-" + eventId, null);
    }

    private long seen(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tally_seen WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String correlationOf(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT correlation_id FROM tally_seen WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
