package id.loket.platform.test;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes events to a real topic the way a Loket service's outbox relay does (key = stream id, CloudEvents
 * binary-mode headers), so a test can play another service without running it. Waits for each ack.
 */
public final class CloudEventPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private CloudEventPublisher(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    public static CloudEventPublisher open(String bootstrapServers) {
        return new CloudEventPublisher(bootstrapServers);
    }

    /** Waits until the topic exists (the consuming service creates the topics it reads at start). */
    public CloudEventPublisher awaitTopic(String topic, Duration timeout) {
        Awaitility.await("topic " + topic).atMost(timeout).ignoreExceptions()
                .until(() -> !producer.partitionsFor(topic).isEmpty());
        return this;
    }

    /**
     * One event, as {@code ce_type} (e.g. {@code loket.membership.ParticipantSuspended}) with the given id,
     * schema version and payload (sent as it is, so a test can also send a payload that is not JSON).
     * {@code correlationId} may be null; {@code time} null means now.
     */
    public void publish(String topic, String key, UUID eventId, String ceType, int schemaVersion, String payload,
                        String correlationId, Instant time) {
        publish(topic, key, eventId, ceType, schemaVersion, payload, correlationId, time, java.util.Map.of());
    }

    /** The same, with further headers (e.g. a W3C {@code traceparent}). */
    public void publish(String topic, String key, UUID eventId, String ceType, int schemaVersion, String payload,
                        String correlationId, Instant time, java.util.Map<String, String> extraHeaders) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", eventId.toString());
        header(r, "ce_type", ceType);
        String service = ceType.split("\\.").length > 2 ? ceType.split("\\.")[1] : "test";
        header(r, "ce_source", "/loket/" + service);
        header(r, "ce_subject", key);
        header(r, "ce_time", (time == null ? Instant.now() : time).toString());
        header(r, "ce_dataschemaversion", Integer.toString(schemaVersion));
        header(r, "content-type", "application/json");
        if (correlationId != null) header(r, "correlation_id", correlationId);
        extraHeaders.forEach((name, value) -> header(r, name, value));
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + ceType + " to " + topic, e);
        }
    }

    /** Schema version 1, no correlation id, now. */
    public void publish(String topic, String key, UUID eventId, String ceType, String payload) {
        publish(topic, key, eventId, ceType, 1, payload, null, null);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
