package id.loket.platform.eventstore;

import id.loket.platform.events.NewEvent;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventMetadata;
import id.loket.platform.events.MetadataContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.projection.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The append-only event store in the service's own database. Appends join the caller's transaction, update
 * the read models (projections) in it, and wake the outbox relay once it commits.
 */
@ApplicationScoped
public class EventStore {

    static final String COLUMNS =
            "position, stream_id, version, event_id, event_type, schema_version, payload::text, metadata::text, recorded_at";

    // One statement for any number of events. The EXISTS guard refuses a gap in the stream (expected version
    // ahead of reality); ON CONFLICT keeps the transaction usable when the stream moved on, so that
    // appendIfAbsent can answer "already done" instead of failing the caller's transaction.
    private static final String APPEND = """
            INSERT INTO event_store (stream_id, version, event_id, event_type, schema_version, payload, metadata)
            SELECT ?, ? + e.n, e.id, e.type, e.sv, e.payload::jsonb, e.meta::jsonb
              FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[]) WITH ORDINALITY
                   AS e(id, type, sv, payload, meta, n)
             WHERE ? = 0 OR EXISTS (SELECT 1 FROM event_store WHERE stream_id = ? AND version = ?)
            ON CONFLICT (stream_id, version) DO NOTHING
            RETURNING position, version, recorded_at
            """;

    // Many new streams in one statement (a bulk load): every event lands at version 1.. of its own stream. On
    // a stream that already exists the conflict skips the row, and the caller is told (no partial success).
    private static final String APPEND_NEW_STREAMS = """
            INSERT INTO event_store (stream_id, version, event_id, event_type, schema_version, payload, metadata)
            SELECT e.stream, e.version, e.id, e.type, e.sv, e.payload::jsonb, e.meta::jsonb
              FROM unnest(?::text[], ?::int8[], ?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[])
                   AS e(stream, version, id, type, sv, payload, meta)
            ON CONFLICT (stream_id, version) DO NOTHING
            RETURNING position, event_id, recorded_at
            """;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Projections projections;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<EventsCommitted> committed;

    EventStore(DataSource dataSource, ObjectMapper json, Projections projections,
               TransactionSynchronizationRegistry transactions, Event<EventsCommitted> committed) {
        this.dataSource = dataSource;
        this.json = json;
        this.projections = projections;
        this.transactions = transactions;
        this.committed = committed;
    }

    /**
     * Appends events to a stream if it is at the expected version.
     *
     * @throws WrongExpectedVersionException when another writer got there first (a 409 at the REST layer)
     */
    @Transactional
    public List<StoredEvent> append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        List<StoredEvent> stored = insert(streamId, expected, events);
        if (stored.size() != events.size()) {
            throw new WrongExpectedVersionException(streamId, expected);
        }
        return afterInsert(stored);
    }

    /**
     * Creates a stream with a deterministic id, once: false (and nothing written) when it already exists, so a
     * retried or concurrent duplicate is "already done", not an error.
     */
    @Transactional
    public boolean appendIfAbsent(String streamId, List<NewEvent> events) {
        return !createIfAbsent(streamId, events).isEmpty();
    }

    /**
     * {@link #appendIfAbsent}, answering with the stored events: empty (and nothing written) when the stream
     * already exists.
     */
    @Transactional
    public List<StoredEvent> createIfAbsent(String streamId, List<NewEvent> events) {
        List<StoredEvent> stored = insert(streamId, ExpectedVersion.noStream(), events);
        if (stored.isEmpty()) return stored;
        if (stored.size() != events.size()) throw new WrongExpectedVersionException(streamId, ExpectedVersion.noStream());
        return afterInsert(stored);
    }

    /** A stream to create with its first events. */
    public record NewStream(String streamId, List<NewEvent> events) {
    }

    /**
     * Creates many streams in one statement, for bulk loads (an import commits a chunk of a thousand new
     * participants at once instead of a thousand round trips). Projections see the events in position order.
     *
     * @throws WrongExpectedVersionException when one of the streams already exists; the caller's transaction
     *                                       must then be rolled back (the others may have been written in it)
     */
    @Transactional
    public List<StoredEvent> appendNewStreams(List<NewStream> streams) {
        int n = 0;
        for (NewStream s : streams) n += s.events().size();
        if (n == 0) return List.of();
        EventMetadata defaults = MetadataContext.current();
        String[] streamIds = new String[n];
        Long[] versions = new Long[n];
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        Integer[] schemaVersions = new Integer[n];
        String[] payloads = new String[n];
        String[] metas = new String[n];
        Map<UUID, Integer> index = new HashMap<>(n * 2);
        List<EventMetadata> metadata = new ArrayList<>(n);
        int i = 0;
        for (NewStream s : streams) {
            long version = 0;
            for (NewEvent e : s.events()) {
                EventMetadata m = e.metadata() != null ? e.metadata() : defaults;
                streamIds[i] = s.streamId();
                versions[i] = ++version;
                ids[i] = e.eventId();
                types[i] = e.type();
                schemaVersions[i] = e.schemaVersion();
                payloads[i] = e.payloadJson();
                metas[i] = write(m);
                metadata.add(m);
                index.put(e.eventId(), i);
                i++;
            }
        }
        List<StoredEvent> stored = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(APPEND_NEW_STREAMS)) {
            ps.setArray(1, c.createArrayOf("text", streamIds));
            ps.setArray(2, c.createArrayOf("int8", versions));
            ps.setArray(3, c.createArrayOf("uuid", ids));
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("int4", schemaVersions));
            ps.setArray(6, c.createArrayOf("text", payloads));
            ps.setArray(7, c.createArrayOf("text", metas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int k = index.get(rs.getObject(2, UUID.class));
                    stored.add(new StoredEvent(rs.getLong(1), streamIds[k], versions[k], ids[k], types[k], schemaVersions[k],
                            payloads[k], metadata.get(k), rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not create " + streams.size() + " streams", e);
        }
        if (stored.size() != n) {
            Set<UUID> written = new HashSet<>();
            for (StoredEvent e : stored) written.add(e.eventId());
            for (int k = 0; k < n; k++) {
                if (!written.contains(ids[k])) throw new WrongExpectedVersionException(streamIds[k], ExpectedVersion.noStream());
            }
        }
        stored.sort((a, b) -> Long.compare(a.position(), b.position()));
        return afterInsert(stored);
    }

    /** All events of one stream in version order (empty when it does not exist). */
    public List<StoredEvent> readStream(String streamId) {
        return query("SELECT " + COLUMNS + " FROM event_store WHERE stream_id = ? ORDER BY version",
                ps -> ps.setString(1, streamId));
    }

    /**
     * Committed events after a position, in position order. For a reader that must not pass over a
     * position that commits late (a relay, a rebuild), use {@link OrderedEventReader}.
     */
    public List<StoredEvent> readAll(long afterPosition, int limit) {
        return query("SELECT " + COLUMNS + " FROM event_store WHERE position > ? ORDER BY position LIMIT ?", ps -> {
            ps.setLong(1, afterPosition);
            ps.setInt(2, limit);
        });
    }

    /** Current version of a stream, 0 when it does not exist. */
    public long currentVersion(String streamId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM event_store WHERE stream_id = ?")) {
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not read version of " + streamId, e);
        }
    }

    private List<StoredEvent> insert(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        if (events.isEmpty()) return List.of();
        long start = switch (expected) {
            case ExpectedVersion.NoStream n -> 0;
            case ExpectedVersion.Exactly e -> e.version();
            case ExpectedVersion.Any a -> currentVersion(streamId);
        };
        EventMetadata defaults = MetadataContext.current();
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        String[] payloads = new String[n];
        String[] metas = new String[n];
        List<EventMetadata> metadata = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            EventMetadata m = e.metadata() != null ? e.metadata() : defaults;
            ids[i] = e.eventId();
            types[i] = e.type();
            versions[i] = e.schemaVersion();
            payloads[i] = e.payloadJson();
            metas[i] = write(m);
            metadata.add(m);
        }
        List<StoredEvent> stored = new ArrayList<>(n);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(APPEND)) {
            Array idArray = c.createArrayOf("uuid", ids);
            ps.setString(1, streamId);
            ps.setLong(2, start);
            ps.setArray(3, idArray);
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("int4", versions));
            ps.setArray(6, c.createArrayOf("text", payloads));
            ps.setArray(7, c.createArrayOf("text", metas));
            ps.setLong(8, start);
            ps.setString(9, streamId);
            ps.setLong(10, start);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long version = rs.getLong(2);
                    int i = (int) (version - start - 1);
                    NewEvent e = events.get(i);
                    stored.add(new StoredEvent(rs.getLong(1), streamId, version, e.eventId(), e.type(),
                            e.schemaVersion(), e.payloadJson(), metadata.get(i), rs.getObject(3, java.time.OffsetDateTime.class).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not append to " + streamId, e);
        }
        stored.sort((a, b) -> Long.compare(a.version(), b.version()));
        return stored;
    }

    private List<StoredEvent> afterInsert(List<StoredEvent> stored) {
        projections.apply(stored);
        wakeRelayAfterCommit();
        return stored;
    }

    // Writers never NOTIFY (a notifying commit takes a server-wide lock); the relay in this process is woken
    // by a plain CDI event after commit, other replicas fall back to polling.
    private void wakeRelayAfterCommit() {
        Object key = EventsCommitted.class;
        if (transactions.getResource(key) != null) return;
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) committed.fire(new EventsCommitted());
            }
        });
    }

    private String write(EventMetadata metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    EventMetadata readMetadata(String text) {
        try {
            return json.readValue(text, EventMetadata.class);
        } catch (JsonProcessingException e) {
            throw new EventStoreException("unreadable metadata", e);
        }
    }

    StoredEvent map(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getInt(6), rs.getString(7), readMetadata(rs.getString(8)),
                rs.getObject(9, java.time.OffsetDateTime.class).toInstant());
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<StoredEvent> query(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<StoredEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new EventStoreException("could not read events", e);
        }
    }

    /** Fired (synchronously, after commit) when a transaction that appended events has committed. */
    public record EventsCommitted() {
    }
}
