package id.loket.bench;

import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import id.loket.platform.relay.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Events/s through the platform's {@link IdempotentConsumer}: its dedupe write and a small effect (one row
 * into {@code bench_effect}) per event, measured twice on the same backlog, each from the start of the topic
 * with an empty database:
 * <ul>
 * <li>the batch path, as a service's {@code batch=true} channel uses it: every poll (up to 500 records, as the
 * services configure {@code max.poll.records}) through {@link IdempotentConsumer#processBatch}, one transaction
 * per poll, offsets committed after each;</li>
 * <li>the one-record path ({@link IdempotentConsumer#process}), one transaction per event, for comparison.</li>
 * </ul>
 * The topic is filled with CloudEvents records first (not timed).
 *
 * <p>Arguments: {@code mode=consume [records=100000] [seconds=20] [warmup=5]}; each run stops early when the
 * backlog runs out and reports the rate over what it processed.
 */
@ApplicationScoped
public class ConsumeBenchmark implements Bench.Mode {

    private static final String TOPIC = "loket.benchsource.events";
    private static final int MAX_POLL_RECORDS = 500;

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;
    private final String bootstrap;

    ConsumeBenchmark(IdempotentConsumer consumer, DataSource dataSource,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.bootstrap = bootstrap;
    }

    /** What one run measured. */
    private record Rate(double eventsPerSecond, long events, double seconds, long duplicates, double recordsPerPoll) {
    }

    @Override
    public String run(Args args) throws Exception {
        int records = args.integer("records", 100_000);
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 5);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_effect (event_id uuid PRIMARY KEY, branch text NOT NULL, ticket_number text NOT NULL)");
        }
        Kafka.createTopic(bootstrap, TOPIC, 1);
        produce(records);
        Rate batch = measure(true, records, seconds, warmup);
        emptyTables();
        Rate single = measure(false, records, seconds, warmup);
        return String.format(Locale.ROOT, "consume events_per_s=%.0f events=%d seconds=%.1f duplicates=%d records_per_poll=%.0f"
                        + " single_events_per_s=%.0f single_events=%d single_seconds=%.1f single_duplicates=%d",
                batch.eventsPerSecond(), batch.events(), batch.seconds(), batch.duplicates(), batch.recordsPerPoll(),
                single.eventsPerSecond(), single.events(), single.seconds(), single.duplicates());
    }

    private Rate measure(boolean batched, int records, int seconds, int warmup) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-consume-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long processed = 0;
        long measured = 0;
        long duplicates = 0;
        long polls = 0;
        long polled = 0;
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(p)) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            kafka.assign(List.of(partition));
            kafka.seekToBeginning(List.of(partition));
            long start = System.nanoTime();
            long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
            long end = measureFrom + Duration.ofSeconds(seconds).toNanos();
            long measureStart = -1;
            long now = start;
            while (processed < records && now < end) {
                ConsumerRecords<String, byte[]> poll = kafka.poll(Duration.ofMillis(100));
                if (batched) {
                    if (poll.isEmpty()) {
                        now = System.nanoTime();
                        continue;
                    }
                    // the poll as a batch channel delivers it: one transaction, then the offsets
                    int applied = consumer.processBatch("bench.consume", poll, this::effect);
                    duplicates += poll.count() - applied;
                    processed += poll.count();
                    now = System.nanoTime();
                    if (now >= measureFrom) {
                        // the first batch to end after the warm-up starts the clock; later ones count
                        if (measureStart < 0) measureStart = now;
                        else {
                            measured += poll.count();
                            polls++;
                            polled += poll.count();
                        }
                    }
                } else {
                    for (ConsumerRecord<String, byte[]> r : poll) {
                        if (!consumer.process("bench.consume", r, this::effect)) duplicates++;
                        processed++;
                        now = System.nanoTime();
                        if (now >= measureFrom) {
                            if (measureStart < 0) measureStart = now;
                            else measured++;
                        }
                        if (now >= end) break;
                    }
                }
                kafka.commitAsync();
                now = System.nanoTime();
            }
            kafka.commitSync();
            if (measureStart < 0) throw new IllegalStateException("the backlog of " + records + " ran out during the warm-up");
            double elapsed = (now - measureStart) / 1e9;
            return new Rate(measured / elapsed, measured, elapsed, duplicates, polls == 0 ? 1 : (double) polled / polls);
        }
    }

    /** Each run starts from an empty database: every record is new to it. */
    private void emptyTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE bench_effect, processed_event");
        }
    }

    /** The small effect: one row per event, in the consumer's transaction. */
    private void effect(IncomingEvent event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO bench_effect (event_id, branch, ticket_number) VALUES (?, ?, ?)")) {
            ps.setObject(1, event.eventId());
            ps.setString(2, event.payload().path("branch").asText());
            ps.setString(3, event.payload().path("number").asText());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("effect failed", e);
        }
    }

    /** TicketIssued records as queue-service's relay publishes them. */
    private void produce(int records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Kafka.relayProducer(bootstrap, "bench-consume-source"))) {
            for (int i = 0; i < records; i++) {
                UUID ticket = UUID.randomUUID();
                UUID event = UUID.randomUUID();
                String stream = "ticket-" + ticket;
                String payload = AppendBenchmark.PAYLOAD.formatted(ticket, UUID.randomUUID());
                List<Header> headers = List.of(
                        header(CloudEventHeaders.SPEC_VERSION, "1.0"),
                        header(CloudEventHeaders.ID, event.toString()),
                        header(CloudEventHeaders.TYPE, "loket.queue.TicketIssued"),
                        header(CloudEventHeaders.SOURCE, "/loket/queue"),
                        header(CloudEventHeaders.TIME, Instant.now().toString()),
                        header(CloudEventHeaders.SUBJECT, stream),
                        header(CloudEventHeaders.SCHEMA_VERSION, "1"),
                        header(CloudEventHeaders.CONTENT_TYPE, "application/json"),
                        header(CloudEventHeaders.CORRELATION_ID, UUID.randomUUID().toString()));
                producer.send(new ProducerRecord<>(TOPIC, null, null, stream, payload.getBytes(StandardCharsets.UTF_8), headers));
            }
            producer.flush();
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
