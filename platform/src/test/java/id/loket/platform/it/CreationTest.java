package id.loket.platform.it;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.aggregate.AggregateRepository.Creation;
import id.loket.platform.aggregate.AggregateRepository.NewAggregate;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.tally.Tally;
import id.loket.platform.tally.TallyEvent;
import id.loket.platform.tally.TallyView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creation through a decider: create, create-once for deterministic ids, and the bulk form. */
@QuarkusTest
class CreationTest {

    @Inject
    AggregateRepository aggregates;
    @Inject
    EventStore store;

    @Test
    void createDecidesInTheInitialStateAndAppendsANewStreamWithItsProjection() {
        UUID id = UUID.randomUUID();
        var handled = aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "new"));

        assertThat(handled.version()).isEqualTo(1);
        assertThat(handled.events()).containsExactly(new TallyEvent.TallyOpened(id, "new"));
        assertThat(handled.state().open()).isTrue();
        assertThat(handled.stored()).extracting(StoredEvent::streamId).containsExactly("tally-" + id);
        assertThat(store.readStream("tally-" + id)).extracting(StoredEvent::type).containsExactly("TallyOpened");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TallyView.<TallyView>findById(id).name)).isEqualTo("new");
    }

    @Test
    void createOnAStreamThatExistsIsAConflictAndARuleOfTheInitialStateHolds() {
        UUID id = UUID.randomUUID();
        aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "first"));

        assertThatThrownBy(() -> aggregates.create("tally-" + id, Tally.DECIDER, new Tally.Command.Open(id, "second")))
                .isInstanceOf(WrongExpectedVersionException.class);
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> aggregates.create("tally-" + other, Tally.DECIDER, new Tally.Command.Increment(other, 1)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("is not open");
        assertThat(store.readStream("tally-" + id)).hasSize(1);
        assertThat(store.readStream("tally-" + other)).isEmpty();
    }

    @Test
    void createOnceIsCreatedThenAlreadyDoneAndTheTransactionGoesOn() {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        Creation<Tally, TallyEvent> first = aggregates.createOnce(stream, Tally.DECIDER, new Tally.Command.Open(id, "once"));
        UUID after = UUID.randomUUID();
        Creation<Tally, TallyEvent> second = QuarkusTransaction.requiringNew().call(() -> {
            var again = aggregates.createOnce(stream, Tally.DECIDER, new Tally.Command.Open(id, "twice"));
            // "already done" is not an error: this transaction still writes and commits
            aggregates.create("tally-" + after, Tally.DECIDER, new Tally.Command.Open(after, "after"));
            return again;
        });

        assertThat(first.created()).isTrue();
        assertThat(first).isInstanceOfSatisfying(Creation.Created.class, c -> {
            assertThat(c.handled().version()).isEqualTo(1);
            assertThat(c.handled().events()).containsExactly(new TallyEvent.TallyOpened(id, "once"));
        });
        assertThat(second).isEqualTo(new Creation.AlreadyDone<>(stream));
        assertThat(second.created()).isFalse();
        assertThat(aggregates.load(stream, Tally.DECIDER, TallyEvent.class).state().name()).isEqualTo("once");
        assertThat(store.readStream("tally-" + after)).hasSize(1);
    }

    @Test
    void concurrentCreateOnceOfOneStreamCreatesItOnceAndTheOthersAreAlreadyDone() throws Exception {
        UUID id = UUID.randomUUID();
        String stream = "tally-" + id;
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return aggregates.createOnce(stream, Tally.DECIDER, new Tally.Command.Open(id, "writer-" + n)).created();
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<Boolean> r : results) created += r.get() ? 1 : 0; // no writer failed
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(store.readStream(stream)).hasSize(1);
    }

    @Test
    void createAllCreatesManyStreamsInOneAppendInTheOrderGiven() {
        List<NewAggregate<Tally.Command>> tallies = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            tallies.add(new NewAggregate<>("tally-" + id, new Tally.Command.Open(id, "bulk-" + i)));
        }
        var handled = aggregates.createAll(Tally.DECIDER, tallies);

        assertThat(handled).hasSize(30);
        for (int i = 0; i < 30; i++) {
            var h = handled.get(i);
            assertThat(h.version()).isEqualTo(1);
            assertThat(h.events()).containsExactly(new TallyEvent.TallyOpened(ids.get(i), "bulk-" + i));
            assertThat(h.stored()).singleElement().extracting(StoredEvent::streamId).isEqualTo("tally-" + ids.get(i));
            assertThat(h.state().name()).isEqualTo("bulk-" + i);
        }
        // one statement: the positions of the lot are consecutive
        List<Long> positions = handled.stream().map(h -> h.stored().getFirst().position()).sorted().toList();
        assertThat(positions.getLast() - positions.getFirst()).isEqualTo(29);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TallyView.<TallyView>findById(ids.getLast()).name)).isEqualTo("bulk-29");
    }

    @Test
    void createAllRefusesTheLotWhenOneStreamExists() {
        UUID existing = UUID.randomUUID(), fresh = UUID.randomUUID();
        aggregates.create("tally-" + existing, Tally.DECIDER, new Tally.Command.Open(existing, "there"));

        assertThatThrownBy(() -> aggregates.createAll(Tally.DECIDER, List.of(
                new NewAggregate<>("tally-" + fresh, new Tally.Command.Open(fresh, "fresh")),
                new NewAggregate<>("tally-" + existing, new Tally.Command.Open(existing, "again")))))
                .isInstanceOf(WrongExpectedVersionException.class)
                .hasMessageContaining("tally-" + existing);
        assertThat(store.readStream("tally-" + fresh)).isEmpty();
        assertThat(store.readStream("tally-" + existing)).hasSize(1);
    }
}
