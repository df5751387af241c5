package id.loket.queue.branch.service;

import id.loket.platform.domain.NotFound;
import id.loket.queue.branch.domain.BranchCalendar;
import id.loket.queue.config.QueueConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * What issuing a ticket reads of a branch (zone, service types, calendar), kept in memory: it changes only through
 * the admin endpoints, while every ticket read it with three or four queries (the profile of bench's issue row).
 * A change made here is seen at once (dropped when its transaction ends, and a load that raced with it is not
 * kept); a change made by another replica is seen after {@code loket.queue.reference-cache-ttl} (5 s).
 */
@ApplicationScoped
public class BranchCache {

    /** A branch as ticket issuing sees it. */
    public record Snapshot(String code, ZoneId zone, Map<String, String> prefixes, BranchCalendar calendar) {
        /** The ticket prefix of a service type, or empty when the branch has no such type. */
        public Optional<String> prefix(String serviceType) {
            return Optional.ofNullable(prefixes.get(serviceType));
        }
    }

    private record Entry(Snapshot snapshot, long loadedAt) {
    }

    private final BranchSetup setup;
    private final TransactionSynchronizationRegistry transactions;
    private final long ttlNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every change: a load that started before it is not kept. */
    private final AtomicLong generation = new AtomicLong();

    BranchCache(BranchSetup setup, TransactionSynchronizationRegistry transactions, QueueConfig config) {
        this.setup = setup;
        this.transactions = transactions;
        this.ttlNanos = config.referenceCacheTtl().toNanos();
    }

    /** The branch, from memory when fresh; 404 when there is no such branch (not remembered). */
    public Snapshot get(String code) {
        Entry e = entries.get(code);
        long now = System.nanoTime();
        if (e != null && now - e.loadedAt() < ttlNanos) return e.snapshot();
        long gen = generation.get();
        Branch b = setup.branch(code);
        Snapshot s = new Snapshot(b.code, b.zone(),
                ServiceType.ofBranch(code).stream().collect(Collectors.toUnmodifiableMap(t -> t.key.code(), t -> t.prefix)),
                setup.calendar(code));
        if (generation.get() == gen) entries.put(code, new Entry(s, now));
        return s;
    }

    /** A branch's set-up changes in the current transaction: forget it now and once the transaction has ended. */
    public void changed(String code) {
        forget(code);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget(code);
                }
            });
        }
    }

    private void forget(String code) {
        generation.incrementAndGet();
        entries.remove(code);
    }
}
