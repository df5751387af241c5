package id.loket.platform.tally;

import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A consumer of another service's tally events written with typed handlers: a tolerant record per ce_type with
 * only the fields it reads. The tests hand it records as its channel would (one, or a poll).
 */
@ApplicationScoped
public class TypedTallyWatcher {

    public static final String CONSUMER = "typed.watcher";

    /** What this consumer reads of the other service's TallyIncremented (which has more fields). */
    public record Incremented(@NotNull UUID tallyId, @Min(1) long by) {
    }

    public record Opened(@NotNull UUID tallyId) {
    }

    private final IdempotentConsumer consumer;
    private final DataSource dataSource;
    private final EventHandlers handlers;

    TypedTallyWatcher(IdempotentConsumer consumer, DataSource dataSource) {
        this.consumer = consumer;
        this.dataSource = dataSource;
        this.handlers = consumer.handlers()
                .on("loket.other.TallyIncremented", Incremented.class, (i, event) -> seen(event, i.tallyId(), i.by()))
                .on("loket.other.TallyOpened", Opened.class, (o, event) -> seen(event, o.tallyId(), null));
    }

    public EventHandlers handlers() {
        return handlers;
    }

    public boolean on(ConsumerRecord<String, byte[]> record) {
        return consumer.process(CONSUMER, record, handlers);
    }

    public int on(Iterable<ConsumerRecord<String, byte[]>> records) {
        return consumer.processBatch(CONSUMER, records, handlers);
    }

    private void seen(IncomingEvent event, UUID tally, Long amount) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO tally_typed_seen (consumer, event_id, ce_type, subject, tally_id, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, CONSUMER);
            ps.setObject(2, event.eventId());
            ps.setString(3, event.ceType());
            ps.setString(4, event.subject());
            ps.setObject(5, tally);
            ps.setObject(6, amount);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
