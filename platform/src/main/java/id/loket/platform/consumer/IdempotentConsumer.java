package id.loket.platform.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.eventstore.MetadataContext;
import id.loket.platform.events.EventCodec;
import id.loket.platform.infrastructure.Failures;
import id.loket.platform.relay.CloudEventHeaders;
import id.loket.platform.tracing.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * At-least-once from Kafka, effect-once in the service. Call it from an {@code @Incoming} method marked
 * {@code @Blocking} whose channel has {@code failure-strategy=dead-letter-queue}:
 *
 * <pre>{@code
 * @Incoming("membership-events") @Blocking
 * public void on(ConsumerRecord<String, byte[]> record) {
 *     consumer.process("queue.membership-status", record, event -> switch (event.type()) {
 *         case "ParticipantRegistered" -> statuses.register(event.payload());
 *         default -> { }  // unknown types are acknowledged and skipped
 *     });
 * }
 * }</pre>
 *
 * <ul>
 * <li>(consumer, event id) is recorded with {@code INSERT … ON CONFLICT DO NOTHING} in the effect's own
 * transaction: a redelivered event has no second effect.</li>
 * <li>A message that can never be processed throws {@link PoisonMessageException}: the channel's
 * dead-letter strategy sends it to {@code <topic>.<consumer>.dlq} with the reason in headers.</li>
 * <li>An infrastructure failure (database down) is retried here, with backoff, without acknowledging, so
 * the offset is not committed and an outage loses nothing.</li>
 * </ul>
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final EventCodec codec;
    private final MetadataContext metadata;
    private final MeterRegistry registry;
    private final Tracer tracer;
    private volatile boolean shuttingDown;

    IdempotentConsumer(DataSource dataSource, EventCodec codec, MetadataContext metadata, MeterRegistry registry, Tracer tracer) {
        this.dataSource = dataSource;
        this.codec = codec;
        this.metadata = metadata;
        this.registry = registry;
        this.tracer = tracer;
    }

    void stop(@Observes ShutdownEvent ignored) {
        shuttingDown = true;
    }

    /**
     * Processes one record once.
     *
     * @return true when the effect ran, false for a duplicate
     * @throws PoisonMessageException for a message that can never be processed
     */
    @ActivateRequestContext
    public boolean process(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> effect) {
        // a span for the effect, in the trace of the request that appended the event (its traceparent header);
        // events the effect appends carry this span on
        Context parent = Span.current().getSpanContext().isValid() ? Context.current() : Traceparent.of(record);
        Span span = tracer.spanBuilder(consumer + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return processOnce(consumer, record, effect);
        } catch (PoisonMessageException e) {
            // the channel's dead-letter strategy takes it from here; ops watch this count
            deadLettered(consumer).increment();
            span.setStatus(StatusCode.ERROR, "dead-lettered");
            throw e;
        } finally {
            span.end();
        }
    }

    private Counter deadLettered(String consumer) {
        return Counter.builder("loket.consumer.dead.lettered").tag("consumer", consumer)
                .description("records sent to the dead-letter topic because they can never be processed")
                .register(registry);
    }

    private boolean processOnce(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = parse(record);
        metadata.correlationId(event.correlationId() != null ? event.correlationId() : UUID.randomUUID().toString());
        metadata.causationId(event.eventId().toString());
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    if (!firstDelivery(consumer, event.eventId())) return false;
                    effect.accept(event);
                    return true;
                });
            } catch (RuntimeException e) {
                if (!Failures.isInfrastructure(e) || shuttingDown) {
                    if (Failures.isInfrastructure(e)) throw e; // shutting down: not acknowledged, redelivered later
                    throw new PoisonMessageException(consumer + " cannot process " + event.ceType() + " "
                            + event.eventId() + ": " + e, e);
                }
                LOG.warnf("%s: infrastructure failure on %s, retrying in %d ms: %s", consumer, event.eventId(),
                        backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean firstDelivery(String consumer, UUID eventId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, consumer);
            ps.setObject(2, eventId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed event", e);
        }
    }

    private IncomingEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            String ceType = required(record, CloudEventHeaders.TYPE);
            String type = ceType.substring(ceType.lastIndexOf('.') + 1);
            String version = header(record, CloudEventHeaders.SCHEMA_VERSION);
            int schemaVersion = version == null ? 1 : Integer.parseInt(version);
            String time = header(record, CloudEventHeaders.TIME);
            if (record.value() == null) throw new PoisonMessageException("record has no payload");
            ObjectNode payload = codec.upcastKnown(type, schemaVersion, new String(record.value(), StandardCharsets.UTF_8));
            return new IncomingEvent(
                    UUID.fromString(required(record, CloudEventHeaders.ID)),
                    ceType,
                    type,
                    header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT),
                    schemaVersion,
                    time == null ? null : Instant.parse(time),
                    header(record, CloudEventHeaders.CORRELATION_ID),
                    payload);
        } catch (PoisonMessageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PoisonMessageException("unreadable record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    private static String required(ConsumerRecord<?, ?> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) throw new PoisonMessageException("record has no " + name + " header");
        return value;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
