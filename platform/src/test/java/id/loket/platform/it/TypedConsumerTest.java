package id.loket.platform.it;

import id.loket.platform.consumer.DeadLetters;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.PoisonMessageException;
import id.loket.platform.tally.TypedTallyWatcher;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static id.loket.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Typed handlers per ce_type: a tolerant record reads the fields it declares, a record that does not fit is a
 * poison message (the single path throws it for the channel's dead-letter strategy, the batch path dead-letters it).
 */
@QuarkusTest
class TypedConsumerTest {

    static final String TOPIC = "loket.other.events";
    static final String DLQ = DeadLetters.topicOf(TOPIC, TypedTallyWatcher.CONSUMER);

    @Inject
    TypedTallyWatcher watcher;
    @Inject
    IdempotentConsumer consumer;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    long offset;

    @BeforeEach
    void deadLetterTopic() {
        id.loket.platform.test.TestKafka.get().createTopic(DLQ, 1);
    }

    @Test
    void aFittingEventIsReadIntoItsRecordAndFieldsItDoesNotDeclareAreIgnored() throws Exception {
        UUID id = UUID.randomUUID(), tally = UUID.randomUUID();
        boolean applied = watcher.on(record(id, "loket.other.TallyIncremented",
                "{\"tallyId\":\"" + tally + "\",\"by\":3,\"addedLater\":\"x\",\"nested\":{\"a\":[1,2]}}"));

        assertThat(applied).isTrue();
        assertThat(seen(id)).isEqualTo("loket.other.TallyIncremented|tally-" + tally + "|" + tally + "|3");
        // redelivered: no second effect
        assertThat(watcher.on(record(id, "loket.other.TallyIncremented", "{\"tallyId\":\"" + tally + "\",\"by\":3}"))).isFalse();
        assertThat(count(id)).isEqualTo(1);
    }

    @Test
    void eachCeTypeHasItsOwnHandlerAndAnUnknownOneIsSkipped() throws Exception {
        UUID opened = UUID.randomUUID(), closed = UUID.randomUUID(), tally = UUID.randomUUID();
        watcher.on(record(opened, "loket.other.TallyOpened", "{\"tallyId\":\"" + tally + "\",\"name\":\"door\"}"));
        assertThat(watcher.on(record(closed, "loket.other.TallyClosed", "{\"anything\":true}"))).isTrue();

        assertThat(seen(opened)).isEqualTo("loket.other.TallyOpened|tally-" + tally + "|" + tally + "|null");
        assertThat(count(closed)).isZero();
        assertThat(watcher.handlers().types()).containsExactlyInAnyOrder("loket.other.TallyIncremented", "loket.other.TallyOpened");
        assertThatThrownBy(() -> consumer.handlers().on("x.Y", TypedTallyWatcher.Opened.class, o -> { })
                .on("x.Y", TypedTallyWatcher.Opened.class, o -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.Y");
    }

    @Test
    void aRecordThatDoesNotFitIsAPoisonMessage() throws Exception {
        UUID wrongType = UUID.randomUUID(), broken = UUID.randomUUID(), missing = UUID.randomUUID();
        UUID tally = UUID.randomUUID();

        assertThatThrownBy(() -> watcher.on(record(wrongType, "loket.other.TallyIncremented",
                "{\"tallyId\":\"" + tally + "\",\"by\":\"lots\"}")))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("does not fit Incremented");
        assertThatThrownBy(() -> watcher.on(record(broken, "loket.other.TallyIncremented",
                "{\"tallyId\":\"" + tally + "\",\"by\":0}")))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("does not fit Incremented: by ");
        assertThatThrownBy(() -> watcher.on(record(missing, "loket.other.TallyIncremented", "{\"by\":2}")))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("tallyId ");
        for (UUID id : List.of(wrongType, broken, missing)) {
            assertThat(count(id)).isZero();
            assertThat(processed(id)).as("a poison message is not recorded as processed").isFalse();
        }
    }

    @Test
    void inABatchTheRecordThatDoesNotFitGoesToTheDeadLetterTopicAndTheOthersHaveTheirEffectOnce() throws Exception {
        UUID first = UUID.randomUUID(), poison = UUID.randomUUID(), last = UUID.randomUUID(), tally = UUID.randomUUID();
        var poisonRecord = record(poison, "loket.other.TallyIncremented", "{\"tallyId\":\"" + tally + "\",\"by\":-1}");
        int applied = watcher.on(List.of(
                record(first, "loket.other.TallyIncremented", "{\"tallyId\":\"" + tally + "\",\"by\":1}"),
                poisonRecord,
                record(last, "loket.other.TallyOpened", "{\"tallyId\":\"" + tally + "\"}"),
                record(first, "loket.other.TallyIncremented", "{\"tallyId\":\"" + tally + "\",\"by\":1}")));

        assertThat(applied).isEqualTo(2);
        assertThat(count(first)).isEqualTo(1);
        assertThat(count(last)).isEqualTo(1);
        assertThat(count(poison)).isZero();
        try (TopicReader dlq = TopicReader.open(bootstrap, DLQ)) {
            var dead = dlq.awaitRecord(r -> poison.toString().equals(header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(header(dead, "dead-letter-reason")).contains("does not fit Incremented");
            assertThat(header(dead, "dead-letter-offset")).isEqualTo(Long.toString(poisonRecord.offset()));
            assertThat(dlq.fetch()).noneMatch(r -> List.of(first.toString(), last.toString()).contains(header(r, "ce_id")));
        }
    }

    private ConsumerRecord<String, byte[]> record(UUID id, String ceType, String payload) {
        String subject = payload.contains("tallyId") ? "tally-" + payload.replaceAll(".*\"tallyId\":\"([^\"]+)\".*", "$1") : "tally-none";
        return ConsumedRecords.cloudEvent(TOPIC, offset++, id, ceType, subject, payload);
    }

    private String seen(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT ce_type, subject, tally_id, amount FROM tally_typed_seen WHERE event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("effect of %s", id).isTrue();
                return rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4);
            }
        }
    }

    private long count(UUID id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tally_typed_seen WHERE event_id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private boolean processed(UUID id) throws Exception {
        return ConsumedRecords.processed(dataSource, TypedTallyWatcher.CONSUMER, id);
    }
}
