package id.loket.system.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Client threads, each sending one kind of request at a steady rate until stopped: the n-th request of a
 * thread is due n intervals after the start, whatever the earlier ones took (a thread that fell behind, e.g.
 * retrying while a service restarts, catches up at once). What the requests achieve is the step's business;
 * an exception a step throws is a bug in the test and is kept for {@link #errors()}.
 */
final class SteadyLoad implements AutoCloseable {

    interface Step {
        /** Request {@code n} of client thread {@code thread}. */
        void run(int thread, long n) throws Exception;
    }

    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /** {@code count} threads named {@code name-i}, each running {@code step} {@code perSecond} times a second. */
    SteadyLoad add(String name, int count, double perSecond, Step step) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        for (int i = 0; i < count; i++) {
            int thread = i;
            threads.add(Thread.ofPlatform().name(name + "-" + i).daemon().unstarted(() -> {
                long start = System.nanoTime();
                for (long n = 0; running; n++) {
                    long wait = start + n * interval - System.nanoTime();
                    if (wait > 0) LockSupport.parkNanos(wait); // pacing, not waiting for a condition
                    if (!running) return;
                    try {
                        step.run(thread, n);
                    } catch (Throwable t) {
                        errors.add(t);
                    }
                }
            }));
        }
        return this;
    }

    SteadyLoad start() {
        threads.forEach(Thread::start);
        return this;
    }

    /** Stops sending and waits for the requests in flight (a retrying one gives up by its own deadline). */
    void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.MINUTES.toMillis(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (t.isAlive()) errors.add(new IllegalStateException(t.getName() + " did not finish its request"));
        }
    }

    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        stop();
    }
}
