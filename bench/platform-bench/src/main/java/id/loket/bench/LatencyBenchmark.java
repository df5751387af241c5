package id.loket.bench;

import id.loket.platform.config.LoketConfig;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.NewEvent;
import id.loket.platform.relay.CloudEventHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Commit → record visible to a consumer, at a steady rate: events are appended on a fixed schedule (one per
 * 1/rate s, by a pool so a slow append does not delay the next), the outbox relay of this process (run with
 * {@code loket.relay.enabled=true}) publishes them, and a plain consumer positioned at the end of the topic
 * notes when each arrives. Latency = arrival − the moment the append's transaction committed
 * ({@link CommitClock}). Events of the warm-up are not counted; an event that never arrives is reported as missing.
 *
 * <p>Arguments: {@code mode=latency [rate=200] [seconds=20] [warmup=5]}
 */
@ApplicationScoped
public class LatencyBenchmark implements Bench.Mode {

    private final EventStore store;
    private final LoketConfig config;
    private final String bootstrap;

    LatencyBenchmark(EventStore store, LoketConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.store = store;
        this.config = config;
        this.bootstrap = bootstrap;
    }

    @Override
    public String run(Args args) throws Exception {
        if (!config.relay().enabled()) throw new IllegalStateException("run with -Dloket.relay.enabled=true");
        int rate = args.integer("rate", 200);
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 5);
        String topic = config.topic();
        awaitTopic(topic); // the relay creates it on its first round

        Map<UUID, Long> committed = new ConcurrentHashMap<>();
        Map<UUID, Long> arrived = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong errors = new AtomicLong();
        CountDownLatch positioned = new CountDownLatch(1);
        Thread reader = Thread.ofPlatform().name("latency-consumer").start(() -> consume(topic, arrived, stop, positioned));
        if (!positioned.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the consumer found no position on " + topic);

        ExecutorService writers = Executors.newFixedThreadPool(8);
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * (warmup + seconds);
        long measuredFrom = (long) rate * warmup;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            boolean measured = i >= measuredFrom;
            writers.execute(() -> {
                UUID streamId = UUID.randomUUID();
                NewEvent event = new NewEvent("TicketIssued", 1, AppendBenchmark.PAYLOAD.formatted(streamId, UUID.randomUUID()));
                try {
                    store.append("latency-" + streamId, ExpectedVersion.noStream(), List.of(event));
                    if (measured) committed.put(event.eventId(), CommitClock.lastCommitNanos());
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.MINUTES);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!arrived.keySet().containsAll(committed.keySet()) && System.nanoTime() < waitUntil) Thread.sleep(50);
        stop.set(true);
        reader.join();

        Latencies latencies = new Latencies();
        long missing = 0;
        for (var e : committed.entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at == null) missing++;
            else latencies.recordNanos(at - e.getValue());
        }
        return String.format(Locale.ROOT, "latency %s rate=%d missing=%d errors=%d", latencies.summary(), rate, missing, errors.get());
    }

    private void awaitTopic(String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!admin.listTopics().names().get().contains(topic)) {
                if (System.nanoTime() > until) throw new IllegalStateException("the relay did not create " + topic);
                Thread.sleep(100);
            }
        }
    }

    private void consume(String topic, Map<UUID, Long> arrived, AtomicBoolean stop, CountDownLatch positioned) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before the first append
            positioned.countDown();
            while (!stop.get()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String id = id(r);
                    if (id != null) arrived.putIfAbsent(UUID.fromString(id), now);
                }
            }
        }
    }

    private static String id(ConsumerRecord<String, byte[]> r) {
        var h = r.headers().lastHeader(CloudEventHeaders.ID);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
