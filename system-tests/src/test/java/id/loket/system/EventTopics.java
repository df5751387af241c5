package id.loket.system;

import id.loket.platform.test.TopicReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The four event topics, each read from its beginning by a platform-test {@link TopicReader}. */
final class EventTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final Map<LoketSystem.Service, TopicReader> readers = new LinkedHashMap<>();

    private EventTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    static EventTopics open(String bootstrapServers) {
        EventTopics topics = new EventTopics(bootstrapServers);
        for (LoketSystem.Service s : LoketSystem.Service.values()) {
            topics.readers.put(s, TopicReader.open(bootstrapServers, s.topic()));
        }
        return topics;
    }

    /** Waits until at least {@code count} records have been read from the service's topic; returns all read. */
    List<ConsumerRecord<String, byte[]>> awaitAtLeast(LoketSystem.Service s, int count, Duration timeout) {
        TopicReader reader = readers.get(s);
        reader.awaitRecords(r -> true, count, timeout);
        return reader.records();
    }

    /** The first record of the topic matching {@code ceType} and {@code key}, waiting for it. */
    ConsumerRecord<String, byte[]> await(LoketSystem.Service s, String key, String ceType, Duration timeout) {
        return readers.get(s).awaitRecord(r -> key.equals(r.key()) && ceType.equals(TopicReader.header(r, "ce_type")), timeout);
    }

    /** Every record read so far from the four topics (topic by topic, each in read order). */
    List<ConsumerRecord<String, byte[]>> records() {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        readers.values().forEach(r -> all.addAll(r.records()));
        return all;
    }

    List<ConsumerRecord<String, byte[]>> records(LoketSystem.Service s) {
        return readers.get(s).records();
    }

    /** The topic's ce_types per key, in offset order (one key is one partition), keys in order of first sight. */
    Map<String, List<String>> typesByKey(LoketSystem.Service s) {
        return readers.get(s).records().stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                Collectors.mapping(r -> TopicReader.header(r, "ce_type"), Collectors.toList())));
    }

    /**
     * Waits until every consumer group of the services (all groups but the test's own readers) has committed,
     * on every partition assigned to it, the topic's end offset: after this, no consumer is still working on
     * an event published so far, so what the services show and publish is final.
     */
    void awaitConsumersCaughtUp(Duration timeout) {
        try (Admin admin = admin()) {
            Awaitility.await("every service's consumers caught up").atMost(timeout).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        List<String> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS).stream()
                                .map(g -> g.groupId()).filter(g -> !g.startsWith("topic-reader-")).sorted().toList();
                        assertThat(groups).as("consumer groups").isNotEmpty();
                        Map<String, Long> behind = new TreeMap<>();
                        for (var group : admin.describeConsumerGroups(groups).all().get(10, TimeUnit.SECONDS).values()) {
                            Map<TopicPartition, OffsetSpec> assigned = new LinkedHashMap<>();
                            group.members().forEach(m -> m.assignment().topicPartitions()
                                    .forEach(tp -> assigned.put(tp, OffsetSpec.latest())));
                            assertThat(assigned).as("partitions assigned to " + group.groupId()).isNotEmpty();
                            var committed = admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                                    .get(10, TimeUnit.SECONDS);
                            admin.listOffsets(assigned).all().get(10, TimeUnit.SECONDS).forEach((tp, end) -> {
                                var c = committed.get(tp);
                                long lag = end.offset() - (c == null ? 0 : c.offset());
                                if (lag != 0) behind.put(group.groupId() + " " + tp, lag);
                            });
                        }
                        assertThat(behind).as("records not yet consumed, per group and partition").isEmpty();
                    });
        }
    }

    /** Every dead-letter topic on the broker (name ending in {@code .dlq}) with its record count. */
    Map<String, Long> deadLetterCounts() {
        try (Admin admin = admin()) {
            List<String> dlqs = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(n -> n.endsWith(".dlq")).sorted().toList();
            Map<TopicPartition, OffsetSpec> ends = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new LinkedHashMap<>();
            admin.describeTopics(dlqs).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(p -> {
                        ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                        starts.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
                    }));
            var latest = admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS);
            var earliest = admin.listOffsets(starts).all().get(10, TimeUnit.SECONDS);
            Map<String, Long> counts = new TreeMap<>();
            dlqs.forEach(n -> counts.put(n, 0L));
            latest.forEach((tp, info) -> counts.merge(tp.topic(), info.offset() - earliest.get(tp).offset(), Long::sum));
            return counts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not count the dead-letter topics", e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @Override
    public void close() {
        readers.values().forEach(TopicReader::close);
    }
}
