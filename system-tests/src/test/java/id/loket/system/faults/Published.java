package id.loket.system.faults;

import id.loket.platform.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * What a service's relay published of some streams, checked against its event store: every stored event is on
 * the topic (at least once: a relay that dies between send and checkpoint sends a batch again, which is
 * counted as re-sends), per key the events first appear in stream-version order, and no record of those
 * keys carries an id the store does not have (nothing published that was not committed).
 */
final class Published {

    record Check(String topic, int events, int records, int resends, List<String> missing, List<String> foreign,
                 List<String> outOfOrder) {
    }

    private Published() {
    }

    /** Waits (up to {@code timeout}) until every stored event is on the topic, then checks what is there. */
    static Check awaitAll(TopicReader reader, List<ServiceDb.Event> stored, Duration timeout) {
        Set<String> ids = stored.stream().map(e -> e.eventId().toString()).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> keys = stored.stream().map(ServiceDb.Event::streamId).collect(Collectors.toSet());
        try {
            await("every stored event on " + reader.topic()).atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread() // the reader's KafkaConsumer is single-threaded
                    .until(() -> reader.fetch().stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet()).containsAll(ids));
        } catch (ConditionTimeoutException e) {
            // reported below as missing
        }
        List<ConsumerRecord<String, byte[]>> records = reader.records().stream().filter(r -> keys.contains(r.key())).toList();
        Map<String, Integer> copies = new HashMap<>();
        Map<String, List<String>> firstSeenPerKey = new LinkedHashMap<>();
        List<String> foreign = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = TopicReader.header(r, "ce_id");
            if (!ids.contains(id)) {
                foreign.add(r.key() + " " + id);
                continue;
            }
            if (copies.merge(id, 1, Integer::sum) == 1) firstSeenPerKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(id);
        }
        List<String> missing = ids.stream().filter(id -> !copies.containsKey(id)).toList();
        int resends = copies.values().stream().mapToInt(n -> n - 1).sum();
        List<String> outOfOrder = new ArrayList<>();
        Map<String, List<String>> storedPerKey = stored.stream().sorted(Comparator.comparingLong(ServiceDb.Event::version))
                .collect(Collectors.groupingBy(ServiceDb.Event::streamId, Collectors.mapping(e -> e.eventId().toString(), Collectors.toList())));
        Map<String, Long> versions = stored.stream().collect(Collectors.toMap(e -> e.eventId().toString(), ServiceDb.Event::version));
        firstSeenPerKey.forEach((key, seen) -> {
            List<String> expected = storedPerKey.get(key).stream().filter(copies::containsKey).toList();
            if (!expected.equals(seen)) {
                // where each record of the key is: partition@offset:version, in read order
                outOfOrder.add(key + " [" + records.stream().filter(r -> key.equals(r.key()))
                        .map(r -> r.partition() + "@" + r.offset() + ":v" + versions.get(TopicReader.header(r, "ce_id")))
                        .collect(Collectors.joining(" ")) + "]");
            }
        });
        return new Check(reader.topic(), ids.size(), records.size(), resends, missing, foreign, outOfOrder);
    }
}
