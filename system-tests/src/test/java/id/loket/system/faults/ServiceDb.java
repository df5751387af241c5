package id.loket.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.TestPostgres;
import id.loket.system.LoketSystem.Service;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service's own database, read by the test the way an auditor would: its event store and its consumers'
 * processed-event records. A fresh connection per query (the database may have been restarted in between).
 */
final class ServiceDb {

    /** One row of {@code event_store}. */
    record Event(long position, String streamId, long version, UUID eventId, String type, JsonNode payload,
                 String correlationId) {
    }

    private final Service service;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    ServiceDb(Service service) {
        this.service = service;
        TestPostgres postgres = TestPostgres.get();
        dataSource.setUrl(postgres.jdbcUrl(service.database()));
        dataSource.setUser(postgres.username());
        dataSource.setPassword(postgres.password());
    }

    DataSource dataSource() {
        return dataSource;
    }

    Service service() {
        return service;
    }

    /** Events matching {@code where} (SQL over event_store's columns, {@code ?} for each of {@code params}), in position order. */
    List<Event> events(String where, Object... params) {
        String sql = "SELECT position, stream_id, version, event_id, event_type, payload::text, metadata->>'correlationId'"
                + " FROM event_store WHERE " + where + " ORDER BY position";
        List<Event> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class),
                            rs.getString(5), Api.JSON.readTree(rs.getString(6)), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": " + sql, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Every event of the given streams. */
    List<Event> eventsOfStreams(Collection<String> streamIds) {
        return events("stream_id = ANY(?)", (Object) streamIds.toArray(String[]::new));
    }

    /** Of {@code eventIds}, those that {@code consumer} has recorded as processed (at most once each: the primary key). */
    Set<UUID> processed(String consumer, Collection<UUID> eventIds) {
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_id FROM processed_event WHERE consumer = ? AND event_id = ANY(?)")) {
            bind(c, ps, new Object[] {consumer, eventIds.toArray(UUID[]::new)});
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getObject(1, UUID.class));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": processed_event", e);
        }
        return out;
    }

    /** A single number: {@code SELECT count(*) …} and the like. */
    long number(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": " + sql, e);
        }
    }

    /** Rows as arrays of column values. */
    List<Object[]> rows(String sql, Object... params) {
        List<Object[]> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) row[i] = rs.getObject(i + 1);
                    out.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service.database() + ": " + sql, e);
        }
        return out;
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof String[] texts) ps.setArray(i + 1, c.createArrayOf("text", texts));
            else if (p instanceof UUID[] ids) ps.setArray(i + 1, c.createArrayOf("uuid", ids));
            else ps.setObject(i + 1, p);
        }
    }
}
