package id.loket.platform.it;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.aggregate.AggregateRepository.NewAggregate;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.NewEvent;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.tally.Tally;
import id.loket.platform.tally.TallyEvent;
import id.loket.platform.tally.TallyLogProjection;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** An EventProjection gets its family's events typed, with their envelopes, one batch per append or rebuild chunk. */
@QuarkusTest
class TypedProjectionTest {

    @Inject
    AggregateRepository aggregates;
    @Inject
    EventStore store;
    @Inject
    TallyLogProjection log;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBulkCreationReachesTheProjectionAsOneBatchAndOneStatementWithItsEnvelopes() throws Exception {
        List<NewAggregate<Tally.Command>> tallies = new ArrayList<>();
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.randomUUID();
            streams.add("tally-" + id);
            tallies.add(new NewAggregate<>("tally-" + id, new Tally.Command.Open(id, "typed-" + i)));
        }
        var handled = aggregates.createAll(Tally.DECIDER, tallies);

        assertThat(log.batches()).filteredOn(b -> b.contains(streams.getFirst())).singleElement()
                .satisfies(b -> assertThat(b).containsExactlyInAnyOrderElementsOf(streams));
        assertThat(log.statements()).filteredOn(s -> s.contains(streams.getFirst())).singleElement()
                .satisfies(s -> assertThat(s).hasSize(50));
        StoredEvent stored = handled.get(7).stored().getFirst();
        assertThat(row(stored.streamId(), 1)).isEqualTo(stored.version() + "|" + stored.position() + "|TallyOpened|0|"
                + stored.metadata().correlationId());
    }

    @Test
    void eachAppendIsABatchOfItsEventsAndOtherFamiliesNeverReachIt() throws Exception {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        aggregates.create(stream, Tally.DECIDER, new Tally.Command.Open(id, "one"));
        store.append(stream, ExpectedVersion.exactly(1), List.of(new NewEvent("TallyIncremented", 2,
                "{\"tallyId\":\"" + id + "\",\"by\":4}"), new NewEvent("TallyIncremented", 2, "{\"tallyId\":\"" + id + "\",\"by\":5}")));
        String foreign = "note-" + UUID.randomUUID();
        store.append(foreign, ExpectedVersion.noStream(), List.of(new NewEvent("NoteWritten", 1, "{\"text\":\"not a tally\"}")));

        assertThat(log.batches()).filteredOn(b -> b.contains(stream)).containsExactly(List.of(stream), List.of(stream, stream));
        assertThat(log.batches()).noneMatch(b -> b.contains(foreign));
        assertThat(row(stream, 3)).startsWith("3|").contains("|TallyIncremented|5|");
    }

    @Test
    void aCollectingTransactionWritesItsRowsWithOneStatementBeforeItCommits() throws Exception {
        List<String> streams = new ArrayList<>();
        long[] inside = new long[2];
        QuarkusTransaction.requiringNew().run(() -> {
            log.collectRows();
            for (int i = 0; i < 5; i++) {
                UUID id = UUID.randomUUID();
                streams.add("tally-" + id);
                aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "collected-" + i));
            }
            inside[0] = count(streams);   // collected, not written yet
            log.writeCollected();
            inside[1] = count(streams);   // written now, in this transaction
            UUID late = UUID.randomUUID();
            streams.add("tally-" + late);
            aggregates.create("tally-" + late, Tally.DECIDER, new Tally.Command.Open(late, "late"));
        });

        assertThat(inside).containsExactly(0, 5);
        assertThat(count(streams)).isEqualTo(6);
        assertThat(log.statements()).filteredOn(s -> s.stream().anyMatch(streams::contains))
                .containsExactly(streams.subList(0, 5), streams.subList(5, 6));
    }

    @Test
    void aRolledBackCollectingTransactionWritesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                log.collectRows();
                aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "rolled back"));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(count(List.of("tally-" + id))).isZero();
        assertThat(log.statements()).noneMatch(s -> s.contains("tally-" + id));
        // the next transaction does not collect: its rows are written at once
        aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "again"));
        assertThat(count(List.of("tally-" + id))).isEqualTo(1);
    }

    @Test
    void aRebuildGoesThroughTheSameBatchEntryPointAndGivesTheSameRows() throws Exception {
        UUID id = UUID.randomUUID();
        aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "before rebuild"));
        aggregates.handle("tally-" + id, Tally.DECIDER, TallyEvent.class, new Tally.Command.Increment(id, 3));
        List<String> live = rows();
        int batchesBefore = log.batches().size();

        int events = given().post("/admin/projections/tally_log/rebuild").then().statusCode(200)
                .extract().path("events");

        assertThat(rows()).isEqualTo(live);
        List<List<String>> rebuildBatches = log.batches().subList(batchesBefore, log.batches().size());
        // one call per chunk read from the store (up to 1000 events; a rolled-back position ends a chunk early)
        int replayed = rebuildBatches.stream().mapToInt(List::size).sum();
        assertThat(replayed).isLessThanOrEqualTo(events);
        assertThat(rebuildBatches).hasSizeLessThan(replayed).anyMatch(batch -> batch.size() > 1);
        assertThat(live).isNotEmpty();
    }

    private String row(String streamId, long version) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT version, position, event_type, amount, correlation_id FROM tally_log"
                     + " WHERE stream_id = ? AND version = ?")) {
            ps.setString(1, streamId);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("tally_log row %s@%d", streamId, version).isTrue();
                return rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getLong(4) + "|" + rs.getString(5);
            }
        }
    }

    private long count(List<String> streams) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tally_log WHERE stream_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", streams.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // EventStoreTest writes one event into an archived-tally- stream by hand, past every projection on purpose;
    // a rebuild reads it like any other, so the comparison leaves those streams out
    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT stream_id, version, position, event_type, amount, correlation_id,"
                     + " recorded_at FROM tally_log WHERE stream_id LIKE 'tally-%' ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StringBuilder r = new StringBuilder();
                for (int i = 1; i <= 7; i++) r.append(rs.getString(i)).append('|');
                out.add(r.toString());
            }
        }
        return out;
    }
}
