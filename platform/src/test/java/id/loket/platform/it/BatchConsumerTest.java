package id.loket.platform.it;

import id.loket.platform.consumer.DeadLetters;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.tally.BatchTallyWatcher;
import id.loket.platform.tally.RecordedSpans;
import id.loket.platform.test.CloudEventPublisher;
import id.loket.platform.test.TestPostgres;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import static id.loket.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link IdempotentConsumer#processBatch}: a poll in one transaction with every guarantee of the one-record
 * path. Most cases hand it a batch directly (so what is in one batch is certain); the last ones go through a
 * real {@code batch=true} channel ({@link BatchTallyWatcher}).
 */
@QuarkusTest
class BatchConsumerTest {

    static final String TOPIC = "loket.platformtest.batch-direct";
    static final String CONSUMER = "batch.direct";
    static final String DLQ = "loket.platformtest.batch-direct.batch-direct.dlq";
    static final String INBOX = "loket.platformtest.batch-inbox";
    static final String INBOX_DLQ = "loket.platformtest.batch-inbox.batch-watcher.dlq";
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IdempotentConsumer consumer;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;
    @Inject
    RecordedSpans spans;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    long offset;

    @org.junit.jupiter.api.BeforeEach
    void deadLetterTopic() {
        // a service's relay creates the topics its channels name; this consumer has no channel
        id.loket.platform.test.TestKafka.get().createTopic(DLQ, 1);
    }

    @Test
    void theDeadLetterTopicIsNamedAsTheChannelsAre() {
        assertThat(DeadLetters.topicOf("loket.queue.events", "feedback.surveys")).isEqualTo("loket.queue.events.feedback-surveys.dlq");
        assertThat(DeadLetters.topicOf(TOPIC, CONSUMER)).isEqualTo(DLQ);
    }

    @Test
    void anEventHasOneEffectAlsoWhenItComesTwiceInABatchOrAgainInTheNext() throws Exception {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        assertThat(consumer.processBatch(CONSUMER, List.of(record(a, 1), record(b, 2), record(a, 1), record(c, 3)), this::effect))
                .isEqualTo(3);
        assertThat(consumer.processBatch(CONSUMER, List.of(record(c, 3), record(d, 4), record(b, 2)), this::effect))
                .isEqualTo(1);
        for (UUID id : List.of(a, b, c, d)) {
            assertThat(effects(id)).as("effects of %s", id).isEqualTo(1);
            // what the effect would append names its own record, not the batch's first
            assertThat(column(id, "correlation_id")).isEqualTo("corr-" + id);
            assertThat(column(id, "causation_id")).isEqualTo(id.toString());
        }
    }

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAndTheOthersHaveTheirEffectOnce() throws Exception {
        UUID before = UUID.randomUUID(), invalid = UUID.randomUUID(), unreadable = UUID.randomUUID(), after = UUID.randomUUID();
        double deadLettered = deadLettered(CONSUMER);
        var invalidRecord = record(invalid, -4);
        var unreadableRecord = record(unreadable, "this is not json");
        int applied = consumer.processBatch(CONSUMER,
                List.of(record(before, 1), invalidRecord, record(after, 2), unreadableRecord, record(before, 1)), this::effect);

        assertThat(applied).isEqualTo(2);
        assertThat(effects(before)).isEqualTo(1);
        assertThat(effects(after)).isEqualTo(1);
        assertThat(effects(invalid)).isZero();
        assertThat(processed(invalid)).as("a dead letter is not recorded as processed").isFalse();
        assertThat(deadLettered(CONSUMER) - deadLettered).isEqualTo(2.0);
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            var rejected = dlq.awaitRecord(r -> invalid.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(rejected, "dead-letter-reason")).contains("positive whole number");
            assertThat(header(rejected, "dead-letter-exception-class-name")).endsWith("PoisonMessageException");
            assertThat(header(rejected, "dead-letter-cause-class-name")).endsWith("InvalidField");
            assertThat(header(rejected, "dead-letter-topic")).isEqualTo(TOPIC);
            assertThat(header(rejected, "dead-letter-partition")).isEqualTo("0");
            assertThat(header(rejected, "dead-letter-offset")).isEqualTo(Long.toString(invalidRecord.offset()));
            assertThat(rejected.key()).isEqualTo(invalidRecord.key());
            assertThat(rejected.value()).isEqualTo(invalidRecord.value());
            var bad = dlq.awaitRecord(r -> unreadable.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(header(bad, "dead-letter-reason")).isNotBlank();
            // the good records of the batch are not dead-lettered with it
            assertThat(dlq.fetch()).noneMatch(r -> List.of(before.toString(), after.toString()).contains(header(r, "ce_id")));
        }
    }

    @Test
    void aDatabaseOutageDuringABatchHoldsItUntilTheDatabaseIsBackThenAppliesEachOnce() throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        ids.forEach(id -> batch.add(record(id, 1)));
        CompletableFuture<Integer> done;
        TestPostgres.get().stop();
        try {
            done = CompletableFuture.supplyAsync(() -> consumer.processBatch(CONSUMER, batch, this::effect));
            // not returned (so not acknowledged) while the database is down, and nothing dead-lettered
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> !done.isDone());
        } finally {
            TestPostgres.get().start();
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
        }
        await().atMost(Duration.ofSeconds(60)).until(done::isDone);
        assertThat(done.get()).isEqualTo(3);
        for (UUID id : ids) assertThat(effects(id)).isEqualTo(1);
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            assertThat(dlq.fetch()).noneMatch(r -> ids.stream().anyMatch(id -> id.toString().equals(header(r, "ce_id"))));
        }
    }

    @Test
    void aBatchChannelAppliesEachOnceAndDeadLettersOnlyThePoison() throws Exception {
        UUID first = UUID.randomUUID(), poison = UUID.randomUUID(), marker = UUID.randomUUID();
        String traceId = randomHex(16);
        try (CloudEventPublisher publisher = CloudEventPublisher.open(bootstrap).awaitTopic(INBOX, WAIT)) {
            publisher.publish(INBOX, "k", first, "loket.other.TallyIncremented", 2, "{\"by\":1}", "corr-" + first, null,
                    Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"));
            publisher.publish(INBOX, "k", first, "loket.other.TallyIncremented", 2, "{\"by\":1}", "corr-" + first, null);
            publisher.publish(INBOX, "k", poison, "loket.other.TallyIncremented", 2, "{\"by\":0}", "corr-" + poison, null);
            publisher.publish(INBOX, "k", marker, "loket.other.TallyIncremented", 2, "{\"by\":1}", "corr-" + marker, null);
        }
        await().atMost(WAIT).until(() -> effects(marker) == 1);
        assertThat(effects(first)).isEqualTo(1);
        assertThat(effects(poison)).isZero();
        try (TopicReader dlq = TopicReader.open(bootstrap, INBOX_DLQ)) {
            dlq.awaitRecord(r -> poison.toString().equals(header(r, "ce_id")), WAIT);
            assertThat(dlq.fetch()).filteredOn(r -> List.of(first.toString(), poison.toString(), marker.toString())
                    .contains(header(r, "ce_id"))).hasSize(1);
        }
        // the record's trace goes on in the consumer's span, and in what its effect appends
        assertThat(column(first, "trace_id")).isEqualTo(traceId);
        assertThat(spans.ended()).filteredOn(s -> s.getName().equals(BatchTallyWatcher.CONSUMER + " process")
                && s.getKind() == SpanKind.CONSUMER).extracting(SpanData::getTraceId).contains(traceId);
    }

    private void effect(id.loket.platform.consumer.IncomingEvent event) {
        BatchTallyWatcher.note(dataSource, CONSUMER, event);
    }

    private ConsumerRecord<String, byte[]> record(UUID id, int by) {
        return record(id, "{\"by\":" + by + "}");
    }

    private ConsumerRecord<String, byte[]> record(UUID id, String payload) {
        return ConsumedRecords.cloudEvent(TOPIC, offset++, id, "loket.other.TallyIncremented", "tally-batch", payload);
    }

    private double deadLettered(String name) {
        Counter c = registry.find("loket.consumer.dead.lettered").tag("consumer", name).counter();
        return c == null ? 0 : c.count();
    }

    private long effects(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tally_effect WHERE event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean processed(UUID id) throws Exception {
        return ConsumedRecords.processed(dataSource, CONSUMER, id);
    }

    private String column(UUID id, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM tally_effect WHERE event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return HexFormat.of().formatHex(b);
    }
}
