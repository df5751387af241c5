package id.loket.bench;

import id.loket.platform.eventstore.EventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The moment the last transaction of this thread that appended events committed: the event store fires
 * {@link EventStore.EventsCommitted} synchronously, in the committing thread, right after the commit.
 */
@ApplicationScoped
public class CommitClock {

    private static final ThreadLocal<Long> LAST_COMMIT = new ThreadLocal<>();

    void committed(@Observes EventStore.EventsCommitted ignored) {
        LAST_COMMIT.set(System.nanoTime());
    }

    /** System.nanoTime() of this thread's last commit that appended events, or -1. */
    static long lastCommitNanos() {
        Long t = LAST_COMMIT.get();
        return t == null ? -1 : t;
    }
}
