package id.loket.platform.test;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTestSelfTest {

    @Test
    void postgresAcceptsQueriesAndSurvivesARestartWithItsData() throws Exception {
        TestPostgres pg = TestPostgres.get();
        assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/selftest", pg.jdbcUrl("selftest"));
        pg.createDatabase("selftest");
        pg.createDatabase("selftest"); // idempotent

        String value = UUID.randomUUID().toString();
        try (Connection c = connect(pg, "selftest"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (v text)");
            s.execute("INSERT INTO kept VALUES ('" + value + "')");
            try (ResultSet rs = s.executeQuery("SHOW max_connections")) {
                rs.next();
                assertEquals("300", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT extract(timezone FROM now()), current_setting('TimeZone')")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "UTC offset");
                assertTrue(rs.getString(2).endsWith("UTC"), rs.getString(2)); // "Etc/UTC" with zonky's binaries
            }
            try (ResultSet rs = s.executeQuery("SHOW fsync")) {
                rs.next();
                assertEquals("off", rs.getString(1));
            }
        }

        Connection open = connect(pg, "selftest");
        pg.stop();
        try {
            assertFalse(pg.isRunning());
            assertThrows(SQLException.class, () -> connect(pg, "selftest").close());
            assertThrows(SQLException.class, () -> open.createStatement().executeQuery("SELECT 1"));
            pg.stop(); // no-op
        } finally {
            open.close();
            pg.start();
        }
        assertTrue(pg.isRunning());
        try (Connection c = connect(pg, "selftest"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM kept WHERE v = '" + value + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
        }
    }

    @Test
    void kafkaTopicsAndRecordsSurviveABrokerRestart() throws Exception {
        TestKafka kafka = TestKafka.get();
        String topic = "selftest." + UUID.randomUUID();
        kafka.createTopic(topic, 2);
        kafka.createTopic(topic, 2); // idempotent

        try (KafkaProducer<String, byte[]> producer = producer(kafka);
                TopicReader reader = TopicReader.open(kafka.bootstrapServers(), topic)) {
            ProducerRecord<String, byte[]> first = new ProducerRecord<>(topic, "k1", "v1".getBytes(StandardCharsets.UTF_8));
            first.headers().add("event-type", "Created".getBytes(StandardCharsets.UTF_8));
            producer.send(first).get(10, TimeUnit.SECONDS);

            ConsumerRecord<String, byte[]> read = reader.awaitRecord(r -> r.key().equals("k1"), Duration.ofSeconds(10));
            assertArrayEquals("v1".getBytes(StandardCharsets.UTF_8), read.value());
            assertEquals("Created", TopicReader.header(read, "event-type"));
            assertNull(TopicReader.header(read, "missing"));
            // earlier records are kept for later awaits
            assertEquals(read, reader.awaitRecord(r -> r.key().equals("k1"), Duration.ofMillis(1)));
            AssertionError timeout = assertThrows(AssertionError.class,
                    () -> reader.awaitRecord(r -> r.key().equals("never"), Duration.ofMillis(300)));
            assertTrue(timeout.getMessage().contains("among 1 record(s) read"), timeout.getMessage());

            kafka.stop();
            try {
                assertFalse(kafka.isRunning());
                assertFalse(accepts(kafka.bootstrapServers()), "broker still accepts connections");
            } finally {
                kafka.start();
            }
            assertTrue(kafka.isRunning());

            // the producer and the reader that were connected reconnect by themselves
            producer.send(new ProducerRecord<>(topic, "k2", "v2".getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
            List<ConsumerRecord<String, byte[]>> both = reader.awaitRecords(r -> true, 2, Duration.ofSeconds(30));
            assertEquals(Set.of("k1", "k2"), both.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
            // the consumer re-read the partition from the start after the restart: no duplicates kept
            assertEquals(2, reader.records().size(), () -> reader.records().toString());
        }

        // a new reader sees what was written before the restart: topic and data were kept
        try (TopicReader fresh = TopicReader.open(kafka.bootstrapServers(), topic)) {
            fresh.awaitRecords(r -> true, 2, Duration.ofSeconds(10));
            assertEquals(2, fresh.records().size());
        }
    }

    @Test
    void topicReaderMayBeOpenedBeforeTheTopicExists() throws Exception {
        TestKafka kafka = TestKafka.get();
        String topic = "selftest.late." + UUID.randomUUID();
        try (TopicReader reader = TopicReader.open(kafka.bootstrapServers(), topic);
                KafkaProducer<String, byte[]> producer = producer(kafka)) {
            assertThrows(AssertionError.class, () -> reader.awaitRecord(r -> true, Duration.ofMillis(200)));
            kafka.createTopic(topic, 1);
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + i, new byte[] {(byte) i})).get(10, TimeUnit.SECONDS);
            }
            List<ConsumerRecord<String, byte[]>> odd = reader.awaitRecords(r -> r.value()[0] % 2 == 0, 2, Duration.ofSeconds(10));
            assertEquals(List.of("k0", "k2"), odd.stream().map(ConsumerRecord::key).toList());
            assertEquals(3, reader.records().size());
        }
    }

    @Test
    void testResourceHandsQuarkusTheServers() throws Exception {
        LoketTestResource resource = new LoketTestResource();
        assertThrows(IllegalArgumentException.class, () -> resource.init(Map.of()));
        resource.init(Map.of("database", "loket_selftest"));
        Map<String, String> config = resource.start();
        resource.stop();

        TestPostgres pg = TestPostgres.get();
        assertEquals(pg.jdbcUrl("loket_selftest"), config.get("quarkus.datasource.jdbc.url"));
        assertEquals(pg.username(), config.get("quarkus.datasource.username"));
        assertEquals(pg.password(), config.get("quarkus.datasource.password"));
        assertEquals(TestKafka.get().bootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("0", config.get("quarkus.http.test-port"));
        assertEquals("false", config.get("quarkus.datasource.devservices.enabled"));
        assertEquals("false", config.get("quarkus.kafka.devservices.enabled"));
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"))) {
            assertTrue(c.isValid(5));
        }
    }

    /** What Quarkus does: this jar loaded again by another class loader must reuse the same servers. */
    @Test
    void otherClassLoadersShareTheServers() throws Exception {
        URL classes = TestPostgres.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Class<?> otherPostgres = other.loadClass(TestPostgres.class.getName());
            Class<?> otherKafka = other.loadClass(TestKafka.class.getName());
            assertNotSame(TestPostgres.class, otherPostgres);

            Object pg = otherPostgres.getMethod("get").invoke(null);
            assertEquals(TestPostgres.get().port(), otherPostgres.getMethod("port").invoke(pg));
            otherPostgres.getMethod("createDatabase", String.class).invoke(pg, "loket_other");
            try (Connection c = connect(TestPostgres.get(), "loket_other")) {
                assertTrue(c.isValid(5));
            }

            Object kafka = otherKafka.getMethod("get").invoke(null);
            assertEquals(TestKafka.get().bootstrapServers(), otherKafka.getMethod("bootstrapServers").invoke(kafka));
            assertEquals(true, otherKafka.getMethod("isRunning").invoke(kafka));
        }
    }

    private static Connection connect(TestPostgres pg, String database) throws SQLException {
        return DriverManager.getConnection(pg.jdbcUrl(database), pg.username(), pg.password());
    }

    private static KafkaProducer<String, byte[]> producer(TestKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static boolean accepts(String hostPort) {
        int port = Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
