package id.loket.platform.tally;

import java.util.UUID;

/** Events of the test aggregate: plain records, no framework type. */
public sealed interface TallyEvent {

    record TallyOpened(UUID tallyId, String name) implements TallyEvent {
    }

    /** Version 2; version 1 called the amount "amount" (see the upcaster). */
    record TallyIncremented(UUID tallyId, long by) implements TallyEvent {
    }
}
