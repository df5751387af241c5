package id.loket.platform.tally;

import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.domain.InvalidField;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A consumer as services write them: each TallyIncremented on the inbox topic is recorded once. */
@ApplicationScoped
public class TallyWatcher {

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;

    TallyWatcher(IdempotentConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
    }

    @Incoming("inbox")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        consumer.process("watcher", record, event -> {
            switch (event.type()) {
                case "TallyIncremented" -> {
                    if (!event.payload().path("by").canConvertToLong() || event.payload().path("by").asLong() < 1) {
                        throw new InvalidField("by", "must be a positive whole number");
                    }
                    record(event.eventId(), event.ceType(), event.correlationId(), event.payload().get("by").asLong());
                }
                default -> {
                    // not ours: acknowledged and skipped
                }
            }
        });
    }

    private void record(java.util.UUID eventId, String ceType, String correlationId, long amount) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO tally_seen (event_id, ce_type, correlation_id, amount) VALUES (?, ?, ?, ?)")) {
            ps.setObject(1, eventId);
            ps.setString(2, ceType);
            ps.setString(3, correlationId);
            ps.setLong(4, amount);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
