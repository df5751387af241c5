package id.loket.platform.projection;

import id.loket.platform.events.StoredEvent;

import java.util.List;

/**
 * A read model kept in the service's database, updated in the same transaction as the append.
 *
 * <p>Rules that make a rebuild give exactly the live state: take every value from the event (its payload,
 * {@code recordedAt}, metadata), never from the clock; write only the tables named by {@link #tables()},
 * with unqualified table names (a rebuild redirects them with the search path); those tables use no
 * serial columns (a rebuilt table must not depend on the old table's sequence).
 */
public interface Projection {

    /** Stable name, used by the rebuild endpoint. */
    String name();

    /** The tables this projection owns; a rebuild fills fresh copies of them and then swaps them in. */
    List<String> tables();

    /** Applies one event; events it does not care about are ignored. */
    void apply(StoredEvent event);
}
