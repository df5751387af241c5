package id.loket.bench;

import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import id.loket.platform.relay.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * into {@code bench_effect}) in one transaction per event, as a service's consuming channel does it, one
 * record after the other. The topic is filled with CloudEvents records first (not timed); offsets are
 * committed after each poll.
 *
 * <p>Arguments: {@code mode=consume [records=100000] [seconds=20] [warmup=5]}; stops early when the backlog
 * runs out and reports the rate over what it processed.
 */
@ApplicationScoped
public class ConsumeBenchmark implements Bench.Mode {

    private static final String TOPIC = "loket.benchsource.events";

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;
    private final String bootstrap;

    ConsumeBenchmark(IdempotentConsumer consumer, DataSource dataSource,
                     @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.bootstrap = bootstrap;
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

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-consume-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long processed = 0;
        long measured = 0;
        long duplicates = 0;
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
                for (ConsumerRecord<String, byte[]> r : kafka.poll(Duration.ofMillis(100))) {
                    if (!consumer.process("bench.consume", r, this::effect)) duplicates++;
                    processed++;
                    now = System.nanoTime();
                    if (now >= measureFrom) {
                        if (measureStart < 0) measureStart = now;
                        else measured++;
                    }
                    if (now >= end) break;
                }
                kafka.commitAsync();
                now = System.nanoTime();
            }
            kafka.commitSync();
            if (measureStart < 0) throw new IllegalStateException("the backlog of " + records + " ran out during the warm-up");
            double elapsed = (now - measureStart) / 1e9;
            return String.format(Locale.ROOT, "consume events_per_s=%.0f events=%d seconds=%.1f duplicates=%d",
                    measured / elapsed, measured, elapsed, duplicates);
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
