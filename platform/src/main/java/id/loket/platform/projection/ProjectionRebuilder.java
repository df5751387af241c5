package id.loket.platform.projection;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.OrderedEventReader;
import id.loket.platform.events.StoredEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Rebuilds a projection from the event store while the service keeps answering.
 *
 * <ol>
 * <li>Fresh copies of the projection's tables are created in a schema of their own.</li>
 * <li>The store is replayed into them in chunks, one short transaction each (the search path sends the
 * projection's unqualified writes to the copies), so memory stays flat and no long transaction holds back
 * the relays' snapshot horizon.</li>
 * <li>Switch-over, in one short transaction: the live tables are locked, the events committed since the
 * last chunk are applied to the copies, and the copies take the live tables' place. A request that was
 * waiting on the lock reads or writes the new tables once it is released.</li>
 * </ol>
 */
@ApplicationScoped
public class ProjectionRebuilder {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuilder.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,40}");

    private final DataSource dataSource;
    private final EventStore store;
    private final Projections projections;
    private final ConcurrentHashMap<String, Boolean> running = new ConcurrentHashMap<>();

    ProjectionRebuilder(DataSource dataSource, EventStore store, Projections projections) {
        this.dataSource = dataSource;
        this.store = store;
        this.projections = projections;
    }

    public record Report(String projection, long events, long millis) {
    }

    /** Chunks of at most this many events: one transaction each. */
    static final int CHUNK = 1000;

    public Report rebuild(String name) {
        Projections.Target projection = projections.target(name)
                .orElseThrow(() -> new UnknownProjectionException(name));
        if (running.putIfAbsent(name, Boolean.TRUE) != null) {
            throw new IllegalStateException("a rebuild of " + name + " is already running");
        }
        try {
            return run(projection);
        } finally {
            running.remove(name);
        }
    }

    private Report run(Projections.Target projection) {
        long started = System.nanoTime();
        String shadow = identifier("rebuild_" + projection.name());
        String retired = identifier("retired_" + projection.name());
        List<String> tables = projection.tables().stream().map(ProjectionRebuilder::identifier).toList();

        QuarkusTransaction.requiringNew().run(() -> execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
                s.execute("CREATE SCHEMA " + shadow);
                for (String t : tables) {
                    s.execute("CREATE TABLE " + shadow + "." + t + " (LIKE public." + t + " INCLUDING ALL)");
                }
            }
        }));

        OrderedEventReader reader = new OrderedEventReader(store);
        long last = 0;
        long count = 0;
        while (true) {
            long from = last;
            List<StoredEvent> chunk = QuarkusTransaction.requiringNew().call(() -> query(c -> {
                useShadow(c, shadow);
                List<StoredEvent> events = reader.next(c, from, CHUNK);
                projection.apply(events);
                return events;
            }));
            if (chunk.isEmpty()) break;
            last = chunk.getLast().position();
            count += chunk.size();
        }

        long caughtUpFrom = last;
        long tail = QuarkusTransaction.requiringNew().timeout((int) Duration.ofMinutes(5).toSeconds()).call(() -> query(c -> {
            useShadow(c, shadow);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '30s'");
                // ACCESS EXCLUSIVE from the start: a writer that read the table before the lock would
                // otherwise deadlock with the swap's upgrade. Readers wait only for the short catch-up.
                s.execute("LOCK TABLE " + String.join(", ", tables.stream().map(t -> "public." + t).toList())
                        + " IN ACCESS EXCLUSIVE MODE");
            }
            // Under the lock every transaction that wrote these tables has committed; what is still
            // invisible writes into the new tables after the swap.
            long n = 0;
            long after = caughtUpFrom;
            List<StoredEvent> batch;
            while (!(batch = store.readAll(after, CHUNK)).isEmpty()) {
                projection.apply(batch);
                n += batch.size();
                after = batch.getLast().position();
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + retired);
                for (String t : tables) s.execute("ALTER TABLE public." + t + " SET SCHEMA " + retired);
                for (String t : tables) s.execute("ALTER TABLE " + shadow + "." + t + " SET SCHEMA public");
                s.execute("DROP SCHEMA " + retired + " CASCADE");
                s.execute("DROP SCHEMA " + shadow + " CASCADE");
            }
            return n;
        }));
        count += tail;
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("rebuilt projection %s from %d events in %d ms", projection.name(), count, millis);
        return new Report(projection.name(), count, millis);
    }

    private static void useShadow(Connection c, String shadow) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL search_path TO " + shadow + ", public");
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    private interface SqlQuery<T> {
        T call(Connection c) throws SQLException;
    }

    private void execute(SqlWork work) {
        query(c -> {
            work.run(c);
            return null;
        });
    }

    private <T> T query(SqlQuery<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.call(c);
        } catch (SQLException e) {
            throw new IllegalStateException("projection rebuild failed: " + e.getMessage(), e);
        }
    }
}
