package id.loket.platform.tally;

import id.loket.platform.events.EventEnvelope;
import id.loket.platform.projection.EventProjection;
import id.loket.platform.projection.TransactionRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A typed projection as services will write theirs: the tally events with their envelopes, one multi-row statement
 * per batch (an append, a bulk creation, a rebuild chunk), or per transaction when a bulk job asks to collect.
 * It notes which streams each batch and each statement had, for the tests.
 */
@ApplicationScoped
public class TallyLogProjection implements EventProjection<TallyEvent> {

    private static final String INSERT = """
            INSERT INTO tally_log (stream_id, version, position, event_type, amount, correlation_id, recorded_at)
            SELECT s, v, p, t, a, c, r::timestamptz
              FROM unnest(?::text[], ?::int8[], ?::int8[], ?::text[], ?::int8[], ?::text[], ?::text[]) AS x(s, v, p, t, a, c, r)""";

    record Row(String streamId, long version, long position, String type, long amount, String correlationId, String recordedAt) {
        static Row of(EventEnvelope<TallyEvent> e) {
            long amount = e.event() instanceof TallyEvent.TallyIncremented i ? i.by() : 0;
            return new Row(e.streamId(), e.version(), e.position(), e.event().getClass().getSimpleName(), amount,
                    e.metadata() == null ? null : e.metadata().correlationId(), e.recordedAt().toString());
        }
    }

    private final DataSource dataSource;
    private final TransactionRows<Row> collected;
    private final List<List<String>> batches = new CopyOnWriteArrayList<>();
    private final List<List<String>> statements = new CopyOnWriteArrayList<>();

    TallyLogProjection(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.collected = new TransactionRows<>(transactions, this::write);
    }

    /** A bulk job's call: this transaction's rows are written with one statement before it commits. */
    public void collectRows() {
        collected.collect();
    }

    public void writeCollected() {
        collected.flush();
    }

    /** The streams of each batch apply() received, in order. */
    public List<List<String>> batches() {
        return List.copyOf(batches);
    }

    /** The streams of each statement written, in order. */
    public List<List<String>> statements() {
        return List.copyOf(statements);
    }

    @Override
    public String name() {
        return "tally_log";
    }

    @Override
    public List<String> tables() {
        return List.of("tally_log");
    }

    @Override
    public Class<TallyEvent> family() {
        return TallyEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<TallyEvent>> events) {
        batches.add(events.stream().map(EventEnvelope::streamId).toList());
        List<Row> rows = events.stream().map(Row::of).toList();
        if (!collected.addAll(rows)) write(rows);
    }

    private void write(List<Row> rows) {
        int n = rows.size();
        String[] streams = new String[n], types = new String[n], correlations = new String[n], times = new String[n];
        Long[] versions = new Long[n], positions = new Long[n], amounts = new Long[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            streams[i] = r.streamId();
            versions[i] = r.version();
            positions[i] = r.position();
            types[i] = r.type();
            amounts[i] = r.amount();
            correlations[i] = r.correlationId();
            times[i] = r.recordedAt();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setArray(1, c.createArrayOf("text", streams));
            ps.setArray(2, c.createArrayOf("int8", versions));
            ps.setArray(3, c.createArrayOf("int8", positions));
            ps.setArray(4, c.createArrayOf("text", types));
            ps.setArray(5, c.createArrayOf("int8", amounts));
            ps.setArray(6, c.createArrayOf("text", correlations));
            ps.setArray(7, c.createArrayOf("text", times));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write " + n + " tally_log rows", e);
        }
        statements.add(List.of(streams));
    }
}
