package id.loket.platform.test;

/**
 * One real Kafka 4.1 broker per test JVM, in KRaft mode inside the JVM ({@code kafka.server.KafkaRaftServer},
 * broker and controller combined, one node, 127.0.0.1), started on first use by {@link #get()} (~2-3 s) and
 * stopped by a JVM shutdown hook, which also deletes its log directory.
 *
 * <p>Settings: replication factor 1 everywhere ({@code offsets.topic.replication.factor},
 * {@code transaction.state.log.replication.factor}, {@code transaction.state.log.min.isr}, ...),
 * {@code group.initial.rebalance.delay.ms=0}, {@code auto.create.topics.enable=false} (create topics with
 * {@link #createTopic}), {@code num.partitions=1}, one partition for {@code __consumer_offsets} and
 * {@code __transaction_state}. The broker's log categories ({@code kafka}, {@code org.apache.kafka},
 * {@code state.change.logger}) are set to WARN unless already configured.
 *
 * <p>The broker is shared by every class loader of the JVM (Quarkus test class loaders included): see
 * {@link LoketTestResource}. Methods are thread-safe.
 */
public final class TestKafka {

    private static volatile TestKafka instance;

    /** Set when this copy of the class is the home of the broker (see {@link Home}). */
    private final KafkaBroker local;
    /** Otherwise: the home class loader's {@code TestKafka}. */
    private final Object remote;
    private final String bootstrapServers;

    private TestKafka(KafkaBroker local, Object remote) {
        this.local = local;
        this.remote = remote;
        this.bootstrapServers = local != null ? local.bootstrapServers() : (String) Home.call(remote, "bootstrapServers");
    }

    /** The JVM's broker, started (blocking until it accepts clients) on first call. */
    public static TestKafka get() {
        TestKafka current = instance;
        if (current != null) {
            return current;
        }
        synchronized (TestKafka.class) {
            if (instance == null) {
                Class<?> home = Home.homeOf(TestKafka.class);
                instance = home == null
                        ? new TestKafka(KafkaBroker.startNew(), null)
                        : new TestKafka(null, Home.callStatic(home, "get"));
            }
            return instance;
        }
    }

    /** {@code 127.0.0.1:<port>}; the same for the whole JVM, across {@link #stop()}/{@link #start()}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Shuts the broker down (clients then see the connection refused and keep retrying). Topics and records
     * stay in the log directory. No-op when already stopped.
     */
    public void stop() {
        if (local != null) {
            local.stop();
        } else {
            Home.call(remote, "stop");
        }
    }

    /**
     * Starts a new broker on the same ports with the same log directory (topics, records and committed
     * offsets kept), returning once it accepts clients; connected producers and consumers reconnect by
     * themselves. No-op when running.
     */
    public void start() {
        if (local != null) {
            local.start();
        } else {
            Home.call(remote, "start");
        }
    }

    /** Whether the broker is running (not {@link #stop() stopped}). */
    public boolean isRunning() {
        return local != null ? local.running() : (Boolean) Home.call(remote, "isRunning");
    }

    /**
     * Creates topic {@code name} with {@code partitions} partitions and replication factor 1, unless it
     * exists (then it is left as it is, whatever its partition count), and waits until every partition has
     * a leader. The broker must be running.
     */
    public void createTopic(String name, int partitions) {
        if (local != null) {
            local.createTopic(name, partitions);
        } else {
            Home.call(remote, "createTopic", name, partitions);
        }
    }
}
