package id.loket.platform.consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a record that can never be processed to its consumer's dead-letter topic, as SmallRye's
 * {@code dead-letter-queue} failure strategy does for a one-record channel: same topic naming, same key and
 * value, the same {@code dead-letter-*} headers followed by the record's own. A batch channel cannot use that
 * strategy (a nacked batch dead-letters every record in it), so {@link IdempotentConsumer#processBatch} sends
 * its poison records here itself.
 */
@ApplicationScoped
public class DeadLetters {

    private final String bootstrapServers;
    private final String service;
    private KafkaProducer<String, byte[]> producer;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "loket.service", defaultValue = "loket") String service) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
    }

    /**
     * {@code <topic>.<consumer>.dlq}, dots of the consumer's name as dashes: the name every channel's
     * {@code dead-letter-queue.topic} has (e.g. {@code loket.queue.events.feedback-surveys.dlq}).
     */
    public static String topicOf(String topic, String consumer) {
        return topic + "." + consumer.replace('.', '-') + ".dlq";
    }

    /**
     * Sends it and waits for the broker's acknowledgement.
     *
     * @throws DeadLetterNotSent when the broker did not take it (the caller retries: the record must not be
     *                           acknowledged before its dead letter is written)
     */
    public void send(String consumer, ConsumerRecord<String, byte[]> record, Throwable reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(topicOf(record.topic(), consumer), record.key(), record.value());
        add(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        add(dead, "dead-letter-reason", message(reason));
        if (reason.getCause() != null) {
            add(dead, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
            add(dead, "dead-letter-cause", message(reason.getCause()));
        }
        add(dead, "dead-letter-topic", record.topic());
        add(dead, "dead-letter-partition", Integer.toString(record.partition()));
        add(dead, "dead-letter-offset", Long.toString(record.offset()));
        for (Header h : record.headers()) dead.headers().add(h);
        try {
            producer().send(dead).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLetterNotSent(dead.topic(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new DeadLetterNotSent(dead.topic(), e);
        }
    }

    /** The dead letter is not on the broker (yet); the record stays unacknowledged. */
    public static class DeadLetterNotSent extends RuntimeException {
        DeadLetterNotSent(String topic, Throwable cause) {
            super("could not write to " + topic + ": " + cause, cause);
        }
    }

    // opened on the first dead letter: most consumers never write one
    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "loket-" + service + "-dead-letters");
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) producer.close(java.time.Duration.ofSeconds(5));
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }

    private static void add(ProducerRecord<?, ?> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
