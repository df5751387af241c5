package id.loket.platform.aggregate;

import id.loket.platform.domain.Decider;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Loads an aggregate by folding its stream and appends what a command decides, guarded by the version it
 * loaded: a concurrent writer makes the append fail with a 409 instead of losing an update.
 */
@ApplicationScoped
public class AggregateRepository {

    private final EventStore store;
    private final EventCodec codec;

    AggregateRepository(EventStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** An aggregate's state and the stream version it was read at (0 = no such stream). */
    public record Loaded<S>(S state, long version) {
        public boolean exists() {
            return version > 0;
        }
    }

    /** The state after a command, the new version and the events the command produced. */
    public record Handled<S, E>(S state, long version, List<E> events, List<StoredEvent> stored) {
    }

    public <C, E, S> Loaded<S> load(String streamId, Decider<C, E, S> decider, Class<E> eventFamily) {
        List<StoredEvent> stream = store.readStream(streamId);
        S state = decider.initialState();
        for (StoredEvent e : stream) {
            state = decider.evolve().apply(state, codec.decode(e, eventFamily));
        }
        return new Loaded<>(state, stream.isEmpty() ? 0 : stream.getLast().version());
    }

    /** Load → decide → append (in the caller's transaction, or a new one) → evolve. */
    @Transactional
    public <C, E, S> Handled<S, E> handle(String streamId, Decider<C, E, S> decider, Class<E> eventFamily, C command) {
        Loaded<S> loaded = load(streamId, decider, eventFamily);
        List<E> events = decider.decide().apply(command, loaded.state());
        if (events.isEmpty()) {
            return new Handled<>(loaded.state(), loaded.version(), events, List.of());
        }
        List<StoredEvent> stored = store.append(streamId, ExpectedVersion.exactly(loaded.version()),
                events.stream().map(codec::encode).toList());
        return new Handled<>(decider.fold(loaded.state(), events), stored.getLast().version(), events, stored);
    }
}
