package id.loket.platform.eventstore;

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
 * order guarantees it), so the transaction behind a hole seen in a snapshot had an id below that snapshot's
 * xmax: once the oldest running transaction (xmin) has passed that xmax, the hole can never fill and is
 * skipped.
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
                + ", pg_snapshot_xmin(pg_current_snapshot())::text, pg_snapshot_xmax(pg_current_snapshot())::text"
                + " FROM event_store WHERE position > ? ORDER BY position LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(store.map(rs));
                    if (snapshot == null) snapshot = new Snapshot(Long.parseLong(rs.getString(10)), Long.parseLong(rs.getString(11)));
                }
            }
        }
        List<StoredEvent> out = new ArrayList<>(rows.size());
        long expected = after + 1;
        for (StoredEvent e : rows) {
            if (e.position() != expected) {
                Long waitFor = holes.get(expected);
                if (waitFor == null) {
                    holes.put(expected, snapshot.xmax);
                    LOG.debugf("hole at position %d (next visible %d): waiting until xmin passes %d (now %d)",
                            expected, e.position(), snapshot.xmax, snapshot.xmin);
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

    private record Snapshot(long xmin, long xmax) {
    }
}
