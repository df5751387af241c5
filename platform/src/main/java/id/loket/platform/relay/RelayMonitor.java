package id.loket.platform.relay;

import id.loket.platform.config.LoketConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Relay lag and the age of the oldest open writing transaction (which holds back every relay on the
 * server), as metrics and for the relay health group. Read from the database when asked, at most once a second.
 */
@Startup
@ApplicationScoped
public class RelayMonitor {

    public record Lag(long unpublishedEvents, double oldestUnpublishedSeconds, double oldestWritingTransactionSeconds) {
    }

    private final DataSource dataSource;
    private final String relay;
    private volatile Lag cached = new Lag(0, 0, 0);
    private volatile Instant cachedAt = Instant.EPOCH;

    RelayMonitor(DataSource dataSource, LoketConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.relay = config.topic();
        // positions past the checkpoint: an upper bound (rolled-back positions count too) read from the index,
        // cheap even with a million-event backlog
        Gauge.builder("loket.relay.lag.events", this, m -> m.lag().unpublishedEvents())
                .description("events committed but not yet published to Kafka (upper bound)").register(registry);
        Gauge.builder("loket.relay.lag.seconds", this, m -> m.lag().oldestUnpublishedSeconds())
                .description("age of the oldest unpublished event").register(registry);
        Gauge.builder("loket.db.oldest.writing.transaction.seconds", this, m -> m.lag().oldestWritingTransactionSeconds())
                .description("age of the oldest open transaction that has written; it holds back the relays").register(registry);
    }

    public Lag lag() {
        if (Duration.between(cachedAt, Instant.now()).toMillis() < 1000) return cached;
        try {
            cached = read();
            cachedAt = Instant.now();
        } catch (SQLException e) {
            return new Lag(-1, Double.NaN, Double.NaN);
        }
        return cached;
    }

    private Lag read() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     WITH cp AS (SELECT coalesce((SELECT position FROM relay_checkpoint WHERE relay = ?), 0) AS position)
                     SELECT greatest(coalesce((SELECT max(position) FROM event_store), 0) - (SELECT position FROM cp), 0),
                            coalesce((SELECT extract(epoch FROM clock_timestamp() - e.recorded_at)
                                        FROM event_store e, cp WHERE e.position > cp.position
                                       ORDER BY e.position LIMIT 1), 0),
                            coalesce((SELECT extract(epoch FROM clock_timestamp() - min(xact_start))
                                        FROM pg_stat_activity WHERE backend_xid IS NOT NULL), 0)
                     """)) {
            ps.setString(1, relay);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Lag(rs.getLong(1), rs.getDouble(2), rs.getDouble(3));
            }
        }
    }
}
