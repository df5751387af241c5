package id.loket.platform.relay;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.OrderedEventReader;
import id.loket.platform.events.StoredEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One outbox relay: publishes committed events from the store to Kafka in position order, then moves its
 * checkpoint. Only the holder of the service's advisory lock publishes; the lock lives on a dedicated
 * connection outside the pool (a pooled connection could lose or leak it silently) and is re-checked before
 * every batch. A crash between send and checkpoint re-sends (consumers dedupe by event id); nothing is
 * lost. Plain Java, driven by {@link OutboxRelay}'s loop or by a test.
 */
public class Relay implements AutoCloseable {

    // 'LKTR': first key of the advisory lock; the second is derived from the topic.
    private static final int LOCK_NAMESPACE = 0x4C4B5452;
    /** How long a batch may wait for the broker's acknowledgements before the relay gives up and starts again. */
    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final RelaySettings settings;
    private final EventStore store;
    private final int lockKey;
    private Connection connection;
    private OrderedEventReader reader;
    private KafkaProducer<String, byte[]> producer;
    private boolean topicsReady;
    private volatile boolean leader;
    private volatile long checkpoint;

    public Relay(RelaySettings settings, EventStore store) {
        this.settings = settings;
        this.store = store;
        this.lockKey = settings.topic().hashCode() & 0x7fffffff;
    }

    /**
     * Publishes everything committed and not yet published, batch by batch.
     *
     * @return the number of events published; 0 when another relay holds the lock
     * @throws Exception when the database or the broker fails; the caller backs off and calls again
     */
    public int publishAvailable() throws Exception {
        if (!holdsLock()) return 0;
        ensureTopics();
        int published = 0;
        while (true) {
            List<StoredEvent> batch = reader.next(connection, checkpoint, settings.batchSize());
            if (batch.isEmpty()) return published;
            send(batch);
            saveCheckpoint(batch.getLast().position());
            published += batch.size();
            if (!holdsLock()) return published;
        }
    }

    public boolean isLeader() {
        return leader;
    }

    public long checkpoint() {
        return checkpoint;
    }

    /** Drops connection and producer after a failure; the next call starts clean from the stored checkpoint. */
    public void reset() {
        leader = false;
        closeQuietly();
    }

    @Override
    public void close() {
        reset();
    }

    private boolean holdsLock() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(), settings.password());
            connection.setAutoCommit(true);
            leader = false;
        }
        if (leader) {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT count(*) FROM pg_locks
                     WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
                       AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 2""")) {
                ps.setLong(1, LOCK_NAMESPACE);
                ps.setLong(2, lockKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    leader = rs.getLong(1) == 1;
                }
            }
            if (leader) return true;
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.setInt(2, lockKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                leader = rs.getBoolean(1);
            }
        }
        if (leader) {
            // A fresh leader starts from the stored checkpoint and forgets what an earlier term saw.
            reader = new OrderedEventReader(store);
            checkpoint = loadCheckpoint();
        }
        return leader;
    }

    private long loadCheckpoint() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO relay_checkpoint (relay, position) VALUES (?, 0) ON CONFLICT (relay) DO NOTHING")) {
            ps.setString(1, settings.topic());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT position FROM relay_checkpoint WHERE relay = ?")) {
            ps.setString(1, settings.topic());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void saveCheckpoint(long position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE relay_checkpoint SET position = ?, updated_at = now() WHERE relay = ?")) {
            ps.setLong(1, position);
            ps.setString(2, settings.topic());
            ps.executeUpdate();
        }
        checkpoint = position;
    }

    /**
     * Sends the batch and waits for every acknowledgement; any failure throws (no checkpoint, the batch goes again
     * from a new producer). Order per stream rests on one rule: once an event has failed, no later one may reach
     * the broker from this producer, or it would land before the failed one when that is sent again. Hence: a
     * send that fails at once (no metadata within max.block.ms) stops the batch there; the producer has one
     * request in flight and never gives up on a record by itself (see producerConfig), so what reaches the broker
     * is always a prefix of what was sent; and the wait has its own bound, after which the caller closes the
     * producer at once.
     */
    private void send(List<StoredEvent> batch) throws ExecutionException, InterruptedException, TimeoutException {
        if (producer == null) producer = new KafkaProducer<>(producerConfig());
        List<Future<RecordMetadata>> sent = new ArrayList<>(batch.size());
        for (StoredEvent e : batch) {
            Future<RecordMetadata> f = producer.send(new ProducerRecord<>(settings.topic(), null, null, e.streamId(),
                    e.payloadJson().getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(settings.service(), e)));
            if (f.isDone()) f.get(); // failed already: nothing after it is sent
            sent.add(f);
        }
        long deadline = System.nanoTime() + ACKNOWLEDGEMENT_TIMEOUT.toNanos();
        for (Future<RecordMetadata> f : sent) {
            f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "loket-" + settings.service() + "-relay");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // One request at a time. With five, a restarted broker answered the first request of a new producer
        // with NOT_LEADER_OR_FOLLOWER, then accepted the second (a broker takes any sequence number as the first
        // of a producer it does not know): later events of a stream landed before earlier ones.
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        // the producer retries until it is closed; the relay bounds the wait itself (see send)
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** Creates the service's topic (and the ones it consumes and dead-letters to) with retention from configuration. */
    private void ensureTopics() throws Exception {
        if (topicsReady) return;
        Set<String> names = new LinkedHashSet<>();
        names.add(settings.topic());
        names.addAll(settings.otherTopics());
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(p)) {
            List<NewTopic> topics = names.stream()
                    .map(n -> new NewTopic(n, settings.partitions(), settings.replicationFactor())
                            .configs(Map.of("retention.ms", settings.retentionMs())))
                    .toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        }
        topicsReady = true;
    }

    private void closeQuietly() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (RuntimeException ignored) {
                // already broken
            }
            producer = null;
        }
        if (connection != null) {
            try {
                connection.close(); // also releases the session advisory lock
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
