package id.loket.bench;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.NewEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Events appended per second through the platform's EventStore: N concurrent writers, one event per
 * transaction, each on a stream of its own (the shape of a new ticket or registration). Prints one line:
 * {@code append events_per_s=<n> writers=<n> seconds=<n> errors=<n>}.
 *
 * <p>Arguments: {@code mode=append [writers=32] [seconds=20] [warmup=5]}
 */
@ApplicationScoped
public class AppendBenchmark implements Bench.Mode {

    // about the size of a TicketIssued payload
    static final String PAYLOAD = "{\"ticketId\":\"%s\",\"visitId\":\"%s\",\"branch\":\"SDA\",\"serviceType\":\"A\","
            + "\"number\":\"A-001\",\"source\":\"KIOSK\",\"priority\":\"NONE\",\"businessDate\":\"2026-11-26\","
            + "\"issuedAt\":\"2026-11-26T01:02:03.456Z\"}";

    @Inject
    EventStore store;

    @Override
    public String run(Args args) throws Exception {
        int writers = args.integer("writers", 32);
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 5);
        run(writers, Duration.ofSeconds(warmup));
        Result r = run(writers, Duration.ofSeconds(seconds));
        return String.format(Locale.ROOT, "append events_per_s=%.0f writers=%d seconds=%d errors=%d",
                r.count / (r.nanos / 1e9), writers, seconds, r.errors);
    }

    record Result(long count, long errors, long nanos) {
    }

    private Result run(int writers, Duration duration) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch done = new CountDownLatch(writers);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("writer-" + i).start(() -> {
                try {
                    while (!stop.get()) {
                        UUID id = UUID.randomUUID();
                        try {
                            store.append("bench-" + id, ExpectedVersion.noStream(),
                                    List.of(new NewEvent("TicketIssued", 1, PAYLOAD.formatted(id, UUID.randomUUID()))));
                            count.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }));
        }
        Thread.sleep(duration);
        stop.set(true);
        long nanos = System.nanoTime() - start;
        done.await();
        return new Result(count.get(), errors.get(), nanos);
    }
}
