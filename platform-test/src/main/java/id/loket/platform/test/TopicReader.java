package id.loket.platform.test;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads one topic from its earliest offset, for assertions on what a service published.
 *
 * <p>A plain {@code KafkaConsumer<String, byte[]>} subscribed with a fresh random group id, no offset
 * commits, {@code auto.offset.reset=earliest} and {@code isolation.level=read_committed} (it sees what a
 * real downstream consumer sees: records of aborted or still open transactions are not returned). Every
 * record read is kept, once (records read again after a rebalance are skipped), so a later
 * {@link #awaitRecord} also finds records read by an earlier one. The topic
 * need not exist yet when the reader is opened. Not for concurrent use from several threads (methods are
 * synchronized). Close it (try-with-resources) to leave the group.
 *
 * <pre>{@code
 * try (TopicReader reader = TopicReader.open(TestKafka.get().bootstrapServers(), "membership.events")) {
 *     ConsumerRecord<String, byte[]> r = reader.awaitRecord(rec -> rec.key().equals(id), Duration.ofSeconds(10));
 *     assertEquals("MemberRegistered", TopicReader.header(r, "event-type"));
 * }
 * }</pre>
 */
public final class TopicReader implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    /** Next offset to keep per partition: without committed offsets, a rebalance (e.g. after a broker
     * restart) makes the consumer read the partition from the start again. */
    private final Map<TopicPartition, Long> next = new HashMap<>();

    private TopicReader(String topic, KafkaConsumer<String, byte[]> consumer) {
        this.topic = topic;
        this.consumer = consumer;
    }

    /** Subscribes to {@code topic}; records are fetched by the {@code await} methods. */
    public static TopicReader open(String bootstrapServers, String topic) {
        String id = "topic-reader-" + UUID.randomUUID();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, id,
                ConsumerConfig.CLIENT_ID_CONFIG, id,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        try {
            consumer.subscribe(List.of(topic));
        } catch (RuntimeException e) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
            throw e;
        }
        return new TopicReader(topic, consumer);
    }

    /**
     * The first record (in read order) that matches, among those read so far and those arriving within
     * {@code timeout}.
     *
     * @throws AssertionError when none arrives in time (the message says how many records were read)
     */
    public synchronized ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> match,
            Duration timeout) {
        return awaitRecords(match, 1, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} records read so far match, then returns the first {@code count} of
     * them in read order (order within a partition is offset order).
     *
     * @throws AssertionError when fewer than {@code count} match within {@code timeout}
     */
    public synchronized List<ConsumerRecord<String, byte[]>> awaitRecords(
            Predicate<ConsumerRecord<String, byte[]>> match, int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        List<ConsumerRecord<String, byte[]>> found = matching(match, count);
        if (found.size() >= count) {
            return found;
        }
        try {
            return Awaitility.await("records on " + topic)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .pollInSameThread() // KafkaConsumer is single-threaded
                    .dontCatchUncaughtExceptions() // other threads' failures (broker, app) are not ours
                    .until(() -> {
                        readMore();
                        return matching(match, count);
                    }, m -> m.size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Expected " + count + " matching record(s) on topic " + topic + " within "
                    + timeout + ", found " + matching(match, count).size() + " among " + records.size()
                    + " record(s) read", e);
        }
    }

    /**
     * Reads what has arrived since the last call and returns every record read so far: for conditions that
     * must hold over a period ({@code await().during(...)}), which need fresh reads on every evaluation.
     */
    public synchronized List<ConsumerRecord<String, byte[]>> fetch() {
        readMore();
        return List.copyOf(records);
    }

    /** Every record read so far (a copy), in read order; does not fetch. */
    public synchronized List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** The topic's name. */
    public String topic() {
        return topic;
    }

    /** The last header named {@code name} as UTF-8 text, or {@code null} when absent or without value. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    private void readMore() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
            TopicPartition partition = new TopicPartition(r.topic(), r.partition());
            if (r.offset() >= next.getOrDefault(partition, 0L)) {
                records.add(r);
                next.put(partition, r.offset() + 1);
            }
        }
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> match, int limit) {
        List<ConsumerRecord<String, byte[]>> result = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (match.test(r)) {
                result.add(r);
                if (result.size() == limit) {
                    break;
                }
            }
        }
        return result;
    }
}
