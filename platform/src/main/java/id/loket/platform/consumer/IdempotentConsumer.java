package id.loket.platform.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.events.EventCodec;
import id.loket.platform.infrastructure.Failures;
import id.loket.platform.relay.CloudEventHeaders;
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
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
 *
 * <p>A busy consumer takes a whole poll at once: a channel with {@code batch=true} and
 * {@code failure-strategy=fail} (never {@code dead-letter-queue}: a nacked batch would dead-letter every record
 * in it) and {@link #processBatch}, one transaction and one commit per poll instead of one per record:
 *
 * <pre>{@code
 * @Incoming("queue-events") @Blocking
 * public void on(ConsumerRecords<String, byte[]> records) {
 *     consumer.processBatch("feedback.surveys", records, event -> ...);
 * }
 * }</pre>
 *
 * It keeps every guarantee above, per record: see {@link #processBatch}.
 *
 * <p>Instead of picking fields out of {@link IncomingEvent#payload()}, an effect can be a set of typed handlers,
 * one per {@code ce_type}, each reading a record of its own ({@link #handlers()}, {@link EventHandlers}).
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
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Validator validator;
    private volatile boolean shuttingDown;

    IdempotentConsumer(DataSource dataSource, EventCodec codec, MetadataContext metadata, MeterRegistry registry, Tracer tracer,
                       DeadLetters deadLetters, ObjectMapper json, Validator validator) {
        this.deadLetters = deadLetters;
        this.json = json;
        this.validator = validator;
        this.dataSource = dataSource;
        this.codec = codec;
        this.metadata = metadata;
        this.registry = registry;
        this.tracer = tracer;
    }

    /**
     * A new, empty set of typed handlers (one per {@code ce_type}, each with a tolerant record of the fields it
     * reads), to build once and pass as the effect of {@link #process} or {@link #processBatch}.
     */
    public EventHandlers handlers() {
        return new EventHandlers(json, validator);
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
        Context parent = Span.current().getSpanContext().isValid() ? Context.current() : RecordTrace.of(record);
        Span span = span(consumer, record, parent, null);
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

    /**
     * Processes the records of one poll, in their order, in one transaction: one statement records every
     * (consumer, event id) with {@code ON CONFLICT DO NOTHING RETURNING}, the effect runs for the ids it
     * returned (an id seen before, or earlier in the same batch, has no second effect), then one commit.
     * Per record, as in {@link #process}: its own CONSUMER span in the trace of its {@code traceparent} (linked
     * to the span current here, if any), and its correlation id and event id (causation) on what its effect
     * appends. The records of a partition keep their order, so per-key order holds.
     * <ul>
     * <li>A record that cannot be read, or whose effect throws anything but an infrastructure failure: the
     * batch is rolled back and done again one record per transaction ({@link #process}); each poison record
     * is written to {@code <topic>.<consumer>.dlq} by {@link DeadLetters} (the headers of the channel
     * strategy) and counted in {@code loket.consumer.dead.lettered}, the others still have their effect once.
     * Effects must therefore only write in the transaction (they may be rolled back and run again).</li>
     * <li>An infrastructure failure is retried with backoff, the whole batch, before returning: nothing is
     * acknowledged meanwhile. Shutting down, it is thrown instead (the channel's {@code fail} strategy then
     * commits nothing, and the batch is delivered again).</li>
     * </ul>
     *
     * @param records a poll ({@code ConsumerRecords}) or a list of records, in the order they were polled
     * @return how many effects ran (duplicates and dead letters not counted)
     */
    @ActivateRequestContext
    public int processBatch(String consumer, Iterable<ConsumerRecord<String, byte[]>> records, Consumer<IncomingEvent> effect) {
        List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>();
        records.forEach(batch::add);
        if (batch.isEmpty()) return 0;
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                events.add(parse(record));
            } catch (PoisonMessageException e) {
                return oneByOne(consumer, batch, effect);
            }
        }
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyBatch(consumer, batch, events, effect));
            } catch (RuntimeException e) {
                if (!Failures.isInfrastructure(e)) {
                    LOG.infof("%s: a batch of %d failed (%s); doing it again one record per transaction",
                            consumer, batch.size(), e.toString());
                    return oneByOne(consumer, batch, effect);
                }
                if (shuttingDown) throw e; // not acknowledged: delivered again after the restart
                LOG.warnf("%s: infrastructure failure on a batch of %d, retrying in %d ms: %s", consumer, batch.size(),
                        backoff.toMillis(), e.toString());
                sleep(backoff);
                backoff = next(backoff);
            }
        }
    }

    private int applyBatch(String consumer, List<ConsumerRecord<String, byte[]>> batch, List<IncomingEvent> events,
                           Consumer<IncomingEvent> effect) {
        Set<UUID> firstTime = firstDeliveries(consumer, events);
        Span current = Span.current();
        int applied = 0;
        for (int i = 0; i < batch.size(); i++) {
            IncomingEvent event = events.get(i);
            Span span = span(consumer, batch.get(i), RecordTrace.of(batch.get(i)), current);
            try (Scope ignored = span.makeCurrent()) {
                // remove: a second record with the same id in this batch finds it gone, and is skipped
                if (!firstTime.remove(event.eventId())) continue;
                stamp(event);
                effect.accept(event);
                applied++;
            } catch (RuntimeException e) {
                span.setStatus(StatusCode.ERROR, "batch rolled back");
                throw e;
            } finally {
                span.end();
            }
        }
        return applied;
    }

    /** The fallback for a batch with a poison record: each record in its own transaction, poison to the DLQ. */
    private int oneByOne(String consumer, List<ConsumerRecord<String, byte[]>> batch, Consumer<IncomingEvent> effect) {
        int applied = 0;
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                if (process(consumer, record, effect)) applied++;
            } catch (PoisonMessageException e) {
                deadLetter(consumer, record, e);
            }
        }
        return applied;
    }

    // the batch is acknowledged when processBatch returns, so the dead letter must be on the broker before that
    private void deadLetter(String consumer, ConsumerRecord<String, byte[]> record, PoisonMessageException reason) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                deadLetters.send(consumer, record, reason);
                return;
            } catch (DeadLetters.DeadLetterNotSent e) {
                if (shuttingDown) throw e;
                LOG.warnf("%s: %s, retrying in %d ms", consumer, e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = next(backoff);
            }
        }
    }

    private Span span(String consumer, ConsumerRecord<String, byte[]> record, Context parent, Span link) {
        var builder = tracer.spanBuilder(consumer + " process").setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer);
        if (link != null && link.getSpanContext().isValid()) builder.addLink(link.getSpanContext());
        return builder.startSpan();
    }

    private Counter deadLettered(String consumer) {
        return Counter.builder("loket.consumer.dead.lettered").tag("consumer", consumer)
                .description("records sent to the dead-letter topic because they can never be processed")
                .register(registry);
    }

    private boolean processOnce(String consumer, ConsumerRecord<String, byte[]> record, Consumer<IncomingEvent> effect) {
        IncomingEvent event = parse(record);
        stamp(event);
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
                backoff = next(backoff);
            }
        }
    }

    /** What the effect appends is caused by this event, in its correlation; no person acted. */
    private void stamp(IncomingEvent event) {
        metadata.correlationId(event.correlationId() != null ? event.correlationId() : UUID.randomUUID().toString());
        metadata.causationId(event.eventId().toString());
        metadata.actor(null);
        metadata.branch(null);
    }

    private static Duration next(Duration backoff) {
        return backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    /** The ids of these events this consumer had not recorded yet, recorded now, in one statement. */
    private Set<UUID> firstDeliveries(String consumer, List<IncomingEvent> events) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (IncomingEvent e : events) ids.add(e.eventId());
        Set<UUID> firstTime = new java.util.HashSet<>(ids.size() * 2);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO processed_event (consumer, event_id) SELECT ?, unnest(?::uuid[])
                     ON CONFLICT DO NOTHING RETURNING event_id""")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) firstTime.add(rs.getObject(1, UUID.class));
            }
            return firstTime;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record processed events", e);
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
