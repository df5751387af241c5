package id.loket.platform.test;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The KRaft broker behind {@link TestKafka}; exists only in the home class loader (see {@link Home}).
 * One node, broker and controller combined, listening on 127.0.0.1: PLAINTEXT on {@link #port}, the
 * controller on a second port; both chosen once and kept across restarts, as is the log directory.
 */
final class KafkaBroker {

    // JUL, not System.Logger: JBoss LogManager's LoggerFinder complains when JUL is not its LogManager
    private static final Logger LOG = Logger.getLogger("id.loket.platform.test.TestKafka");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final Path dir;
    private final Properties config;
    private KafkaRaftServer server;

    private KafkaBroker(int port, Path dir, Properties config) {
        this.port = port;
        this.dir = dir;
        this.config = config;
    }

    static KafkaBroker startNew() {
        try {
            return Home.withContextClassLoader(KafkaBroker.class, KafkaBroker::startWithOwnContextClassLoader);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaBroker startWithOwnContextClassLoader() {
        QuietLogging.apply();
        // A fatal fault in the broker would otherwise halt the JVM (surefire: "The forked VM terminated
        // without properly saying goodbye"). Kafka's own tests do the same.
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker asked to halt the JVM (" + code + "): " + message);
        });
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka broker asked to exit the JVM (" + code + "): " + message);
        });
        Path dir;
        try {
            dir = Files.createTempDirectory("loket-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int port = PgServer.freePort();
            int controllerPort;
            do {
                controllerPort = PgServer.freePort();
            } while (controllerPort == port);
            Properties config = config(port, controllerPort, dir.resolve("logs"));
            KafkaBroker broker = new KafkaBroker(port, dir, config);
            broker.format();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::shutdown, "loket-test-kafka-shutdown"));
            LOG.log(Level.INFO, "Kafka {0} KRaft broker on {1}, log dir {2}",
                    new Object[] {AppInfoParser.getVersion(), broker.bootstrapServers(), dir});
            return broker;
        } catch (IOException e) {
            PgServer.deleteRecursively(dir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            PgServer.deleteRecursively(dir);
            throw e;
        }
    }

    private static Properties config(int port, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // single node
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // small and quick for tests: internal topics with one partition instead of 50, a 4 MiB instead of a
        // 128 MiB (heap!) log-cleaner buffer, fewer threads on a 2-core machine
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        return p;
    }

    private void format() throws IOException {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "Loket test broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            code = StorageTool.execute(new String[] {"format", "--config", file.toString(),
                    "--cluster-id", Uuid.randomUuid().toString()}, print);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Formatting the Kafka log dir failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (code != 0) {
            throw new IllegalStateException("Formatting the Kafka log dir returned " + code + ": "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    synchronized boolean running() {
        return server != null;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = Home.withContextClassLoader(KafkaBroker.class, () -> {
                KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
                try {
                    s.startup(); // returns once the broker is unfenced and its listeners accept connections
                } catch (RuntimeException | Error e) {
                    try {
                        s.shutdown();
                        s.awaitShutdown();
                    } catch (RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    throw e;
                }
                return s;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not start on " + bootstrapServers(), e);
        }
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        try {
            Home.withContextClassLoader(KafkaBroker.class, () -> {
                s.shutdown();
                s.awaitShutdown();
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not stop cleanly", e);
        }
    }

    synchronized void createTopic(String name, int partitions) {
        if (server == null) {
            throw new IllegalStateException("Kafka broker is stopped");
        }
        try {
            Home.withContextClassLoader(KafkaBroker.class, () -> {
                try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.CLIENT_ID_CONFIG, "loket-test-admin"))) {
                    try {
                        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                    awaitLeaders(admin, name);
                }
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topic " + name, e);
        }
    }

    /** Until every partition has a leader, so that a producer's first send does not have to retry. */
    private static void awaitLeaders(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("Topic " + topic + " has partitions without a leader");
            }
            Thread.sleep(20);
        }
    }

    private void shutdown() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stopping the Kafka broker failed", e);
        }
        PgServer.deleteRecursively(dir);
    }
}
