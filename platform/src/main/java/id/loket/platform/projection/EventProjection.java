package id.loket.platform.projection;

import id.loket.platform.events.EventEnvelope;

import java.util.List;

/**
 * A read model fed with typed events: it names the event family it reads and receives those events decoded,
 * each with its envelope (stream, version, position, metadata, recordedAt), never JSON.
 *
 * <p>{@link #apply(List)} is its one entry point, and it takes a batch: the events of one append (one event, or a
 * bulk load's thousands from {@code AggregateRepository.createAll}) in the append's transaction, and each chunk of a
 * rebuild. A projection that writes one multi-row statement per batch therefore writes a bulk load and a rebuild
 * the same way. To gather several appends of one transaction into one statement, see {@link TransactionRows}.
 *
 * <p>The rules of {@link Projection} hold: every value from the event or its envelope, never the clock; only
 * the tables named by {@link #tables()}, unqualified; no serial columns in them.
 *
 * @param <E> the event family (a sealed interface of records); events of other types never reach it
 */
public interface EventProjection<E> {

    /** Stable name, used by the rebuild endpoint (unique among all the service's projections). */
    String name();

    /** The tables this projection owns; a rebuild fills fresh copies of them and then swaps them in. */
    List<String> tables();

    /** The events it reads: the records of this sealed interface. */
    Class<E> family();

    /** The family's events of one append or of one rebuild chunk, in position order; never empty. */
    void apply(List<EventEnvelope<E>> events);
}
