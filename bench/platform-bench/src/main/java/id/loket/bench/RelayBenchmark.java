package id.loket.bench;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.relay.CloudEventHeaders;
import id.loket.platform.relay.Relay;
import id.loket.platform.relay.RelaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outbox relay draining a backlog, and the one-at-a-time send it is compared with.
 *
 * <ul>
 * <li>{@code mode=relay [topic=loket.bench.events] [partitions=3] [batch=1000]}: the platform's {@link Relay},
 * from checkpoint 0, publishes every event the store holds (bench/run fills it first); prints events/s and the
 * average record size (key + payload + CloudEvents headers) for the producer-perf baseline.</li>
 * <li>{@code mode=send-one [topic=loket.bench.one] [seconds=20]}: the same records (the store's first 1,000)
 * with the relay's producer settings, but each {@code send().get()} before the next.</li>
 * </ul>
 */
@ApplicationScoped
public class RelayBenchmark {

    private final EventStore store;
    private final DataSource dataSource;
    private final String jdbcUrl;
    private final Optional<String> username;
    private final Optional<String> password;
    private final String bootstrap;

    RelayBenchmark(EventStore store, DataSource dataSource,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
                   @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
                   @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.store = store;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.bootstrap = bootstrap;
    }

    String drain(Args args) throws Exception {
        String topic = args.str("topic", "loket.bench.events");
        int partitions = args.integer("partitions", 3);
        int batch = args.integer("batch", 1000);
        long events;
        long lastPosition;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), coalesce(max(position), 0) FROM event_store")) {
                rs.next();
                events = rs.getLong(1);
                lastPosition = rs.getLong(2);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM relay_checkpoint WHERE relay = ?")) {
                ps.setString(1, topic); // from the start of the backlog, every run
                ps.executeUpdate();
            }
        }
        if (events == 0) throw new IllegalStateException("the event store is empty: nothing to drain");
        Kafka.createTopic(bootstrap, topic, partitions); // outside the timing
        int recordBytes = averageRecordBytes();

        Relay relay = new Relay(new RelaySettings(jdbcUrl, username.orElse(null), password.orElse(null), bootstrap,
                "bench", topic, batch, partitions, (short) 1, "-1", List.of()), store);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long published = 0;
        long start = System.nanoTime();
        try {
            while (relay.checkpoint() < lastPosition) {
                published += relay.publishAvailable();
                if (System.nanoTime() > deadline) throw new IllegalStateException("relay did not drain within 30 minutes");
            }
        } finally {
            relay.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "relay events_per_s=%.0f events=%d seconds=%.1f record_bytes=%d batch=%d partitions=%d",
                published / seconds, published, seconds, recordBytes, batch, partitions);
    }

    String sendOneAtATime(Args args) throws Exception {
        String topic = args.str("topic", "loket.bench.one");
        int seconds = args.integer("seconds", 20);
        List<ProducerRecord<String, byte[]>> records = sample(topic);
        if (records.isEmpty()) throw new IllegalStateException("the event store is empty: no records to send");
        Kafka.createTopic(bootstrap, topic, args.integer("partitions", 3));
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Kafka.relayProducer(bootstrap, "bench-send-one"))) {
            producer.send(records.getFirst()).get(); // connection and metadata outside the timing
            long start = System.nanoTime();
            long end = start + Duration.ofSeconds(seconds).toNanos();
            while (System.nanoTime() < end) {
                producer.send(records.get((int) (count % records.size()))).get();
                count++;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "send-one records_per_s=%.0f records=%d seconds=%.1f", count / elapsed, count, elapsed);
        }
    }

    /** The store's first 1,000 events as the relay would publish them. */
    private List<ProducerRecord<String, byte[]>> sample(String topic) {
        return store.readAll(0, 1000).stream().map(e -> record(topic, e)).toList();
    }

    private static ProducerRecord<String, byte[]> record(String topic, StoredEvent e) {
        return new ProducerRecord<>(topic, null, null, e.streamId(), e.payloadJson().getBytes(StandardCharsets.UTF_8),
                CloudEventHeaders.of("bench", e));
    }

    private int averageRecordBytes() {
        List<ProducerRecord<String, byte[]>> records = sample("x");
        long total = 0;
        for (var r : records) total += Kafka.recordBytes(r.key(), r.value(), r.headers());
        return records.isEmpty() ? 0 : (int) (total / records.size());
    }
}
