package id.loket.queue.counter.domain;

import java.time.Instant;

/**
 * A counter's sessions, on {@code loket.queue.events} with key {@code counter-<counterId>}: opened by whom, closed,
 * so that a counter's open time, idle time and use can be computed. No visit is involved, so no visitId.
 */
public sealed interface CounterEvent {

    String counterId();

    /** staff: who staffs the counter (as given when opening); openedBy: the signed-in person who opened it. */
    record CounterOpened(String counterId, String branch, String staff, String openedBy, Instant openedAt)
            implements CounterEvent {
    }

    /** openedAt and openSeconds: the session that ends here, so a reader needs no join to its CounterOpened. */
    record CounterClosed(String counterId, String branch, String staff, String closedBy, Instant openedAt,
                         Instant closedAt, long openSeconds) implements CounterEvent {
    }
}
