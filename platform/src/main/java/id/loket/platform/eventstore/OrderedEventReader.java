package id.loket.platform.eventstore;

import id.loket.platform.events.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Reads committed events in position order without ever passing over a position that may still commit.
 *
 * <p>A bigserial position is drawn at insert but becomes visible at commit, so a reader that simply asks
 * for "position &gt; last" can pass over a slower transaction's lower position for good. This reader stops
 * at the first hole. A hole is either a transaction still in flight or one that rolled back (or a sequence
 * jump after a crash). Every writer holds a transaction id before it draws a position (the store's column
 * order guarantees it), so the transaction behind a hole has an id below any id given out after the hole was
 * seen: the reader takes one then (a snapshot's xmax will not do: it is the latest finished id + 1, and the
 * hole's transaction may have a newer one). Once the oldest running transaction of a read's own snapshot
 * (xmin) has passed that id, the hole's transaction has ended, and as the same read does not show its row,
 * it rolled back: the hole is skipped.
 *
 * <p>Because events are handed out strictly by position and a stream's version n+1 is always drawn after
 * version n committed, per-stream order follows, even when a transaction that wrote something else first
 * carries an older transaction id than the version before it.
 *
 * <p>Not thread-safe; one per reading loop.
 */
public final class OrderedEventReader {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OrderedEventReader.class);

    private final EventStore store;
    /** First position of each hole seen → the xmax it must wait for (xid8 as a long). */
    private final TreeMap<Long, Long> holes = new TreeMap<>();

    public OrderedEventReader(EventStore store) {
        this.store = store;
    }

    /** Up to {@code limit} events right after {@code after}, stopping before any hole that may still fill. */
    public List<StoredEvent> next(Connection c, long after, int limit) throws SQLException {
        holes.headMap(after + 1).clear();
        List<StoredEvent> rows = new ArrayList<>();
        // The snapshot must be the read's own (one statement: one snapshot). One taken by a later statement may
        // already show the hole's transaction finished although it committed after the read: the hole would be
        // skipped with its row now there, and that event never published.
        Snapshot snapshot = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + EventStore.COLUMNS
                + ", pg_snapshot_xmin(pg_current_snapshot())::text FROM event_store WHERE position > ? ORDER BY position LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(store.map(rs));
                    if (snapshot == null) snapshot = new Snapshot(Long.parseLong(rs.getString(10)));
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>(rows.size());
        long expected = after + 1;
        for (StoredEvent e : rows) {
            if (e.position() != expected) {
                Long waitFor = holes.get(expected);
                if (waitFor == null) {
                    long id = newTransactionId(c);
                    holes.put(expected, id);
                    LOG.debugf("hole at position %d (next visible %d): waiting until xmin passes %d (now %d)",
                            expected, e.position(), id, snapshot.xmin);
                    break;
                }
                if (snapshot.xmin < waitFor) break; // a transaction that may own the hole is still running
                LOG.debugf("hole at positions %d..%d can no longer fill: skipped", expected, e.position() - 1);
                holes.remove(expected);
            }
            out.add(e);
            expected = e.position() + 1;
        }
        return out;
    }

    /** A transaction id given out now, so above the id of every transaction that drew a position before. */
    private static long newTransactionId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_xact_id()::text"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    private record Snapshot(long xmin) {
    }
}
