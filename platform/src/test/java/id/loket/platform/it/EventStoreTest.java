package id.loket.platform.it;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.NewEvent;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import id.loket.platform.events.EventCodec;
import id.loket.platform.tally.Tally;
import id.loket.platform.tally.TallyEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class EventStoreTest {

    @Inject
    EventStore store;
    @Inject
    EventCodec codec;
    @Inject
    AggregateRepository aggregates;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void appendsAndReadsAStreamInVersionOrder() {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        List<StoredEvent> first = store.append(stream, ExpectedVersion.noStream(),
                List.of(codec.encode(new TallyEvent.TallyOpened(id, "a")), codec.encode(new TallyEvent.TallyIncremented(id, 2))));
        store.append(stream, ExpectedVersion.exactly(2), List.of(codec.encode(new TallyEvent.TallyIncremented(id, 3))));

        List<StoredEvent> read = store.readStream(stream);
        assertThat(read).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(read.get(1).position()).isGreaterThan(first.get(0).position());
        assertThat(store.readAll(first.get(0).position() - 1, 10)).extracting(StoredEvent::eventId)
                .startsWith(first.get(0).eventId(), first.get(1).eventId());
        assertThat(aggregates.load(stream, Tally.DECIDER, TallyEvent.class).state().total()).isEqualTo(5);
    }

    @Test
    void staleExpectedVersionConflictsAndWritesNothing() {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        store.append(stream, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(id, "b"))));
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.noStream(),
                List.of(codec.encode(new TallyEvent.TallyOpened(id, "again")))))
                .isInstanceOf(WrongExpectedVersionException.class);
        // expected version ahead of reality must not leave a hole in the stream
        assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(5),
                List.of(codec.encode(new TallyEvent.TallyIncremented(id, 1)))))
                .isInstanceOf(WrongExpectedVersionException.class);
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void concurrentWritersOfOneStreamNeverBothWin() throws Exception {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        aggregates.handle(stream, Tally.DECIDER, TallyEvent.class, new Tally.Command.Open(id, "race"));
        int writers = 8;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    store.append(stream, ExpectedVersion.exactly(1), List.of(codec.encode(new TallyEvent.TallyIncremented(id, 1))));
                    return true;
                } catch (WrongExpectedVersionException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int wins = 0;
        for (var r : results) wins += r.get() ? 1 : 0;
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        assertThat(store.readStream(stream)).hasSize(2);
    }

    @Test
    void appendIfAbsentIsExactlyOnceWithoutFailingTheTransaction() {
        String stream = "tally-" + UUID.randomUUID();
        UUID id = UUID.fromString(stream.substring(6));
        boolean first = store.appendIfAbsent(stream, List.of(codec.encode(new TallyEvent.TallyOpened(id, "once"))));
        boolean second = QuarkusTransaction.requiringNew().call(() -> {
            boolean again = store.appendIfAbsent(stream, List.of(codec.encode(new TallyEvent.TallyOpened(id, "twice"))));
            // the transaction is still usable after "already done"
            store.append("tally-" + UUID.randomUUID(), ExpectedVersion.noStream(),
                    List.of(codec.encode(new TallyEvent.TallyOpened(UUID.randomUUID(), "other"))));
            return again;
        });
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void oldSchemaVersionIsUpcastOnRead() throws Exception {
        UUID id = UUID.randomUUID();
        // a stream the projection does not follow: the hand-written row below bypasses it
        String stream = "archived-tally-" + id;
        store.append(stream, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(id, "old"))));
        // a v1 TallyIncremented as an older release wrote it: {"tallyId", "amount"}
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     INSERT INTO event_store (stream_id, version, event_id, event_type, schema_version, payload, metadata)
                     VALUES (?, 2, ?, 'TallyIncremented', 1, ?::jsonb, '{}'::jsonb)""")) {
            ps.setString(1, stream);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, "{\"tallyId\":\"" + id + "\",\"amount\":7}");
            ps.executeUpdate();
        }
        assertThat(codec.currentVersion("TallyIncremented")).isEqualTo(2);
        StoredEvent v1 = store.readStream(stream).get(1);
        assertThat(v1.schemaVersion()).isEqualTo(1);
        assertThat(codec.decode(v1, TallyEvent.class)).isEqualTo(new TallyEvent.TallyIncremented(id, 7));
        assertThat(aggregates.load(stream, Tally.DECIDER, TallyEvent.class).state().total()).isEqualTo(7);
        // new events are written in the current shape
        NewEvent fresh = codec.encode(new TallyEvent.TallyIncremented(id, 1));
        assertThat(fresh.schemaVersion()).isEqualTo(2);
        assertThat(fresh.payloadJson()).contains("\"by\":1").doesNotContain("amount");
    }

    @Test
    void appendNewStreamsCreatesManyStreamsAtOnceAndProjectsThem() {
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        List<StoredEvent> stored = store.appendNewStreams(List.of(
                new EventStore.NewStream("tally-" + a, List.of(codec.encode(new TallyEvent.TallyOpened(a, "bulk-a")),
                        codec.encode(new TallyEvent.TallyIncremented(a, 4)))),
                new EventStore.NewStream("tally-" + b, List.of(codec.encode(new TallyEvent.TallyOpened(b, "bulk-b"))))));

        assertThat(stored).extracting(StoredEvent::streamId).containsExactly("tally-" + a, "tally-" + a, "tally-" + b);
        assertThat(stored).extracting(StoredEvent::version).containsExactly(1L, 2L, 1L);
        assertThat(stored).extracting(StoredEvent::position).isSorted();
        assertThat(store.readStream("tally-" + a)).extracting(StoredEvent::type).containsExactly("TallyOpened", "TallyIncremented");
        // the projection ran in the same transaction, as for a single append
        assertThat(total(a)).isEqualTo(4);
        assertThat(total(b)).isZero();
    }

    @Test
    void appendNewStreamsRefusesAStreamThatExistsAndWritesNone() {
        UUID existing = UUID.randomUUID(), fresh = UUID.randomUUID();
        store.append("tally-" + existing, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(existing, "first"))));

        assertThatThrownBy(() -> store.appendNewStreams(List.of(
                new EventStore.NewStream("tally-" + fresh, List.of(codec.encode(new TallyEvent.TallyOpened(fresh, "fresh")))),
                new EventStore.NewStream("tally-" + existing, List.of(codec.encode(new TallyEvent.TallyOpened(existing, "again")))))))
                .isInstanceOf(WrongExpectedVersionException.class)
                .hasMessageContaining("tally-" + existing);
        assertThat(store.readStream("tally-" + fresh)).as("rolled back with the conflicting stream").isEmpty();
        assertThat(store.readStream("tally-" + existing)).hasSize(1);
    }

    private long total(UUID tally) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT total FROM tally_view WHERE id = ?")) {
            ps.setObject(1, tally);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).as("tally_view row of " + tally).isTrue();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
