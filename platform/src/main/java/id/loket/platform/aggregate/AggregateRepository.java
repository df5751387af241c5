package id.loket.platform.aggregate;

import id.loket.platform.domain.Decider;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import id.loket.platform.events.NewEvent;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads an aggregate by folding its stream and appends what a command decides, guarded by the version it
 * loaded: a concurrent writer makes the append fail with a 409 instead of losing an update.
 *
 * <p>Creation goes through the decider too: the command is decided in the decider's initial state and appended
 * with "expect no stream" ({@link #create}); for a deterministic stream id ({@code bill-<account>-<month>},
 * {@code survey-<visitId>}, {@code payment-<reference>}) a duplicate is "already done", not an error
 * ({@link #createOnce}); a bulk load creates many streams in one statement ({@link #createAll}).
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

    /** What {@link #createOnce} did: created the stream, or found it already there and wrote nothing. */
    public sealed interface Creation<S, E> {

        /** The stream is new, holding what the decider decided (no events: it decided nothing, nothing written). */
        record Created<S, E>(Handled<S, E> handled) implements Creation<S, E> {
        }

        /** The stream existed (a retry, a redelivery, a concurrent duplicate): nothing written, no error. */
        record AlreadyDone<S, E>(String streamId) implements Creation<S, E> {
        }

        default boolean created() {
            return this instanceof Created<S, E>;
        }
    }

    /** One stream of a bulk creation and the command that creates it. */
    public record NewAggregate<C>(String streamId, C command) {
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

    /**
     * Creates a stream: decides the command in the decider's initial state and appends with "expect no stream".
     *
     * @throws WrongExpectedVersionException when the stream exists (a 409)
     */
    @Transactional
    public <C, E, S> Handled<S, E> create(String streamId, Decider<C, E, S> decider, C command) {
        S initial = decider.initialState();
        List<E> events = decider.decide().apply(command, initial);
        if (events.isEmpty()) return new Handled<>(initial, 0, events, List.of());
        List<StoredEvent> stored = store.append(streamId, ExpectedVersion.noStream(), encode(events));
        return new Handled<>(decider.fold(initial, events), stored.getLast().version(), events, stored);
    }

    /**
     * Creates a stream with a deterministic id once: a stream that already exists (or that a concurrent writer
     * creates first) is {@link Creation.AlreadyDone}, and the caller's transaction stays usable (the store's
     * {@code ON CONFLICT DO NOTHING}, as {@link EventStore#appendIfAbsent}).
     */
    @Transactional
    public <C, E, S> Creation<S, E> createOnce(String streamId, Decider<C, E, S> decider, C command) {
        S initial = decider.initialState();
        List<E> events = decider.decide().apply(command, initial);
        if (events.isEmpty()) return new Creation.Created<>(new Handled<>(initial, 0, events, List.of()));
        List<StoredEvent> stored = store.createIfAbsent(streamId, encode(events));
        if (stored.isEmpty()) return new Creation.AlreadyDone<>(streamId);
        return new Creation.Created<>(new Handled<>(decider.fold(initial, events), stored.getLast().version(), events, stored));
    }

    /**
     * Creates many streams in one statement (an import's chunk, a billing run's chunk), each command decided in
     * the initial state; the results in the order given. Projections see the events of the whole lot at once.
     *
     * @throws WrongExpectedVersionException when one of the streams exists; the caller's transaction must then be
     *                                       rolled back (see {@link EventStore#appendNewStreams})
     */
    @Transactional
    public <C, E, S> List<Handled<S, E>> createAll(Decider<C, E, S> decider, List<NewAggregate<C>> aggregates) {
        S initial = decider.initialState();
        List<List<E>> decided = new ArrayList<>(aggregates.size());
        List<EventStore.NewStream> streams = new ArrayList<>(aggregates.size());
        for (NewAggregate<C> a : aggregates) {
            List<E> events = decider.decide().apply(a.command(), initial);
            decided.add(events);
            if (!events.isEmpty()) streams.add(new EventStore.NewStream(a.streamId(), encode(events)));
        }
        List<StoredEvent> stored = store.appendNewStreams(streams);
        Map<String, List<StoredEvent>> byStream = new HashMap<>();
        for (StoredEvent e : stored) byStream.computeIfAbsent(e.streamId(), k -> new ArrayList<>()).add(e);
        List<Handled<S, E>> out = new ArrayList<>(aggregates.size());
        for (int i = 0; i < aggregates.size(); i++) {
            List<E> events = decided.get(i);
            List<StoredEvent> own = events.isEmpty() ? List.of() : byStream.getOrDefault(aggregates.get(i).streamId(), List.of());
            if (own.size() > 1) own.sort((x, y) -> Long.compare(x.version(), y.version()));
            out.add(new Handled<>(decider.fold(initial, events), own.isEmpty() ? 0 : own.getLast().version(), events,
                    List.copyOf(own)));
        }
        return out;
    }

    private <E> List<NewEvent> encode(List<E> events) {
        return events.stream().map(codec::encode).toList();
    }
}
