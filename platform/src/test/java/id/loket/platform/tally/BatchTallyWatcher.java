package id.loket.platform.tally;

import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.events.EventMetadata;
import id.loket.platform.events.MetadataContext;
import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A batch consumer as services write them: each TallyIncremented of a poll is noted once, in one transaction. */
@ApplicationScoped
public class BatchTallyWatcher {

    public static final String CONSUMER = "batch.watcher";

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;

    BatchTallyWatcher(IdempotentConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("batch-inbox")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch(CONSUMER, records, event -> note(dataSource, CONSUMER, event));
    }

    /**
     * The effect of a TallyIncremented: one row with the metadata an append would be stamped with now (its
     * correlation and causation) and the current trace. {@code by} below 1 can never be processed.
     */
    public static void note(DataSource dataSource, String consumer, IncomingEvent event) {
        if (!"TallyIncremented".equals(event.type())) return; // not ours: acknowledged and skipped
        if (!event.payload().path("by").canConvertToLong() || event.payload().path("by").asLong() < 1) {
            throw new InvalidField("by", "must be a positive whole number");
        }
        EventMetadata m = MetadataContext.current();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO tally_effect (consumer, event_id, correlation_id, causation_id, trace_id) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, consumer);
            ps.setObject(2, event.eventId());
            ps.setString(3, m.correlationId());
            ps.setString(4, m.causationId());
            ps.setString(5, Span.current().getSpanContext().getTraceId());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
