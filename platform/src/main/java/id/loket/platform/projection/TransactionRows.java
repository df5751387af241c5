package id.loket.platform.projection;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A projection's rows collected over one transaction and written with one statement before it commits, instead
 * of one statement per append: a bulk job (an import chunk, a billing chunk) asks for it with {@link #collect()},
 * the projection {@link #add}s what it would have written, and the writer gets them all at once. Nothing is
 * collected in a transaction that did not ask, so single appends and rebuilds write as they come.
 *
 * <pre>{@code
 * private final TransactionRows<Row> rows = new TransactionRows<>(transactions, this::insertAll);
 *
 * public void apply(List<EventEnvelope<E>> events) {
 *     List<Row> now = ...;
 *     if (!rows.addAll(now)) insertAll(now);
 * }
 * }</pre>
 *
 * The writer runs on the transaction's own connection ({@code dataSource.getConnection()} inside it), also from
 * the before-commit callback, where an entity manager may already be flushed. A rolled-back transaction writes
 * nothing. One instance per projection (it is the key of its transaction resource).
 *
 * @param <T> a row, or whatever the writer needs to make one (an event's store position, say)
 */
public final class TransactionRows<T> {

    private final TransactionSynchronizationRegistry transactions;
    private final Consumer<List<T>> writer;

    public TransactionRows(TransactionSynchronizationRegistry transactions, Consumer<List<T>> writer) {
        this.transactions = transactions;
        this.writer = writer;
    }

    /** From now until {@link #flush()} or the commit, this transaction's rows are collected. Idempotent. */
    public void collect() {
        if (transactions.getResource(this) != null) return;
        List<T> rows = new ArrayList<>();
        transactions.putResource(this, rows);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                write(rows);
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** Whether the current transaction collects. */
    public boolean collecting() {
        return rows() != null;
    }

    /** Collects the row if the transaction collects (true); false: the caller writes it now itself. */
    public boolean add(T row) {
        List<T> rows = rows();
        if (rows == null) return false;
        rows.add(row);
        return true;
    }

    public boolean addAll(List<? extends T> more) {
        List<T> rows = rows();
        if (rows == null) return false;
        rows.addAll(more);
        return true;
    }

    /** Writes what is collected now, e.g. before an event that must find those rows; collecting goes on. */
    public void flush() {
        List<T> rows = rows();
        if (rows != null) write(rows);
    }

    @SuppressWarnings("unchecked")
    private List<T> rows() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE ? (List<T>) transactions.getResource(this) : null;
    }

    private void write(List<T> rows) {
        if (rows.isEmpty()) return;
        List<T> batch = java.util.Collections.unmodifiableList(new ArrayList<>(rows));
        rows.clear();
        writer.accept(batch);
    }
}
