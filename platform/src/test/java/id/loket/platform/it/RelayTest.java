package id.loket.platform.it;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.EventCodec;
import id.loket.platform.relay.Relay;
import id.loket.platform.relay.RelaySettings;
import id.loket.platform.tally.Tally;
import id.loket.platform.tally.TallyEvent;
import id.loket.platform.test.TestKafka;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class RelayTest {

    static final String TOPIC = "loket.platformtest.events";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EventStore store;
    @Inject
    EventCodec codec;
    @Inject
    AggregateRepository aggregates;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    TopicReader topic;
    ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        topic = TopicReader.open(bootstrap, TOPIC);
    }

    @AfterEach
    void close() {
        topic.close();
        pool.shutdownNow();
    }

    @Test
    void publishesCommittedEventsWithCloudEventHeadersKeyedByStream() {
        String id = given().header("X-Correlation-Id", "corr-relay-1").contentType(ContentType.JSON)
                .body("{\"name\":\"published\"}").post("/tallies").then().statusCode(201).extract().path("id");
        ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("tally-" + id).equals(rec.key()), WAIT);
        String eventId = store.readStream("tally-" + id).getFirst().eventId().toString();
        assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(r, "ce_id")).isEqualTo(eventId);
        assertThat(header(r, "ce_type")).isEqualTo("loket.platformtest.TallyOpened");
        assertThat(header(r, "ce_source")).isEqualTo("/loket/platformtest");
        assertThat(header(r, "ce_subject")).isEqualTo("tally-" + id);
        assertThat(header(r, "ce_time")).isNotBlank();
        assertThat(header(r, "ce_dataschemaversion")).isEqualTo("1");
        assertThat(header(r, "correlation_id")).isEqualTo("corr-relay-1");
        assertThat(json(r).get("name").asText()).isEqualTo("published");
    }

    /** A lower position that commits late must still be published, not passed over for good. */
    @Test
    void neverSkipsAPositionThatCommitsLate() throws Exception {
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> slowWriter = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            store.append("tally-" + slow, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(slow, "slow"))));
            appended.countDown();
            awaitLatch(release);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        store.append("tally-" + fast, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(fast, "fast"))));
        assertThat(position("tally-" + fast)).isGreaterThan(0);

        // while the slow writer's lower position is in flight, the relay holds back the higher one
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> topic.fetch().stream().noneMatch(r -> ("tally-" + fast).equals(r.key())));

        release.countDown();
        slowWriter.get(10, TimeUnit.SECONDS);
        topic.awaitRecord(r -> ("tally-" + slow).equals(r.key()), WAIT);
        topic.awaitRecord(r -> ("tally-" + fast).equals(r.key()), WAIT);
        assertThat(position("tally-" + slow)).isLessThan(position("tally-" + fast));
    }

    /**
     * The trap of transaction ids: writer A takes its id with an unrelated first write, then appends version
     * 2 of a stream after B committed version 1 with a younger id, while D (between them) stays open. A relay
     * that filtered on "transaction id below the horizon" would publish version 2 first.
     */
    @Test
    void neverPublishesVersionNPlusOneBeforeVersionN() throws Exception {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        CountDownLatch aStarted = new CountDownLatch(1);
        CountDownLatch bCommitted = new CountDownLatch(1);
        CountDownLatch dStarted = new CountDownLatch(1);
        CountDownLatch releaseD = new CountDownLatch(1);

        Future<?> a = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            note("A writes something else first");
            aStarted.countDown();
            awaitLatch(bCommitted);
            aggregates.handle(stream, Tally.DECIDER, TallyEvent.class, new Tally.Command.Increment(id, 2));
        }));
        assertThat(aStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> d = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            note("D stays open");
            dStarted.countDown();
            awaitLatch(releaseD);
        }));
        assertThat(dStarted.await(10, TimeUnit.SECONDS)).isTrue();
        aggregates.handle(stream, Tally.DECIDER, TallyEvent.class, new Tally.Command.Open(id, "ordered")); // B
        bCommitted.countDown();
        a.get(10, TimeUnit.SECONDS);
        try {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(r -> stream.equals(r.key()), 2, WAIT);
            assertThat(records).extracting(r -> header(r, "ce_type"))
                    .containsExactly("loket.platformtest.TallyOpened", "loket.platformtest.TallyIncremented");
        } finally {
            releaseD.countDown();
            d.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void kafkaOutageKeepsTheServiceReadyAndEventsGoOutInOrderAfterwards() throws Exception {
        UUID id = Tallies.open("before-outage");
        topic.awaitRecord(r -> ("tally-" + id).equals(r.key()), WAIT);
        TestKafka.get().stop();
        try {
            for (int i = 1; i <= 5; i++) Tallies.increment(id, i); // commands keep working
            given().get("/q/health/ready").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().get("/q/health/group/relay").then().statusCode(503));
            assertThat(unpublished()).isGreaterThanOrEqualTo(5);
        } finally {
            TestKafka.get().start();
        }
        // the last increment is on the topic: everything before it in the stream is too
        String lastId = store.readStream("tally-" + id).getLast().eventId().toString();
        topic.awaitRecord(r -> lastId.equals(header(r, "ce_id")), Duration.ofSeconds(60));
        // a batch cut off by the outage may go out twice (consumers dedupe by ce_id); order is what counts
        Set<String> seen = new HashSet<>();
        assertThat(topic.records()).filteredOn(r -> ("tally-" + id).equals(r.key()))
                .filteredOn(r -> seen.add(header(r, "ce_id")))
                .filteredOn(r -> json(r).has("by"))
                .extracting(r -> json(r).get("by").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        await().atMost(WAIT).untilAsserted(() -> given().get("/q/health/group/relay").then().statusCode(200));
    }

    @Test
    void onlyOneOfTwoRelaysPublishes() throws Exception {
        String topic2 = "loket.platformtest.mirror";
        RelaySettings settings = new RelaySettings(jdbcUrl, username, password, bootstrap, "platformtest", topic2,
                100, 1, (short) 1, "-1", List.of());
        Tallies.open("two-relays");
        try (Relay first = new Relay(settings, store); Relay second = new Relay(settings, store)) {
            assertThat(first.publishAvailable()).isPositive(); // creates the topic too
            assertThat(first.isLeader()).isTrue();
            assertThat(second.publishAvailable()).isZero();
            assertThat(second.isLeader()).isFalse();

            Tallies.open("while-first-leads");
            assertThat(second.publishAvailable()).isZero();
            assertThat(first.publishAvailable()).isPositive();

            first.close(); // its session ends: the lock is released
            Tallies.open("after-handover");
            assertThat(second.publishAvailable()).isPositive();
            assertThat(second.isLeader()).isTrue();

            long total = count("SELECT count(*) FROM event_store WHERE position <= " + second.checkpoint());
            try (TopicReader mirror = TopicReader.open(bootstrap, topic2)) {
                List<ConsumerRecord<String, byte[]>> all = mirror.awaitRecords(r -> true, (int) total, WAIT);
                Set<String> ids = new HashSet<>();
                for (ConsumerRecord<String, byte[]> r : all) ids.add(header(r, "ce_id"));
                // each event once: the second relay went on from the first one's checkpoint
                assertThat(ids).hasSize(all.size());
                assertThat(mirror.records()).hasSize((int) total);
            }
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(ConsumerRecord<String, byte[]> r) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void note(String text) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tally_note (note) VALUES (?)")) {
            ps.setString(1, text);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long position(String stream) {
        return store.readStream(stream).getFirst().position();
    }

    private long unpublished() throws SQLException {
        return count("SELECT count(*) FROM event_store WHERE position > (SELECT position FROM relay_checkpoint WHERE relay = '" + TOPIC + "')");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
