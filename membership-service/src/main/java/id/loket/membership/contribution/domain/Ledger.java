package id.loket.membership.contribution.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An account's months: what is billed (cancelled lines excluded), what payments settled, and the credit.
 * Settlements stay recorded when a line is cancelled, so the money for it becomes credit, and a restored
 * line is covered by it again.
 *
 * @param billed    per month, the sum of the bill lines still owed
 * @param settled   per month, the sum settled by payments
 * @param totalPaid every payment received
 */
public record Ledger(SortedMap<YearMonth, Long> billed, SortedMap<YearMonth, Long> settled, long totalPaid) {

    /** Arrears count at most this many months (Perpres 64/2020): older months are not asked for. */
    public static final int ARREARS_CAP_MONTHS = 24;

    public Ledger {
        billed = new TreeMap<>(billed);
        settled = new TreeMap<>(settled);
    }

    public static Ledger empty() {
        return new Ledger(new TreeMap<>(), new TreeMap<>(), 0);
    }

    public long credit() {
        long used = 0;
        for (Map.Entry<YearMonth, Long> s : settled.entrySet()) {
            used += Math.min(s.getValue(), billed.getOrDefault(s.getKey(), 0L));
        }
        return totalPaid - used;
    }

    public long open(YearMonth month) {
        return Math.max(0, billed.getOrDefault(month, 0L) - settled.getOrDefault(month, 0L));
    }

    /** The first month that still counts for arrears when the current month is {@code current}. */
    public static YearMonth oldestCounted(YearMonth current) {
        return current.minusMonths(ARREARS_CAP_MONTHS);
    }

    /** Months in [from, to] still open after the credit is applied to the oldest of them, with what is owed. */
    public SortedMap<YearMonth, Long> unpaid(YearMonth from, YearMonth to) {
        long credit = credit();
        SortedMap<YearMonth, Long> out = new TreeMap<>();
        for (YearMonth m : billed.keySet()) {
            if (m.isBefore(from) || m.isAfter(to)) continue;
            long owed = open(m);
            long covered = Math.min(owed, credit);
            credit -= covered;
            if (owed - covered > 0) out.put(m, owed - covered);
        }
        return out;
    }

    /**
     * Settles {@code amount} plus the credit against the open months from {@code from} on, oldest first.
     */
    public List<ContributionEvent.Settled> allocate(long amount, YearMonth from) {
        long available = amount + credit();
        List<ContributionEvent.Settled> out = new ArrayList<>();
        for (YearMonth m : billed.keySet()) {
            if (available == 0) break;
            if (m.isBefore(from)) continue;
            long part = Math.min(open(m), available);
            if (part > 0) {
                out.add(new ContributionEvent.Settled(m, part));
                available -= part;
            }
        }
        return out;
    }

    public Ledger with(ContributionEvent.PaymentAllocated p) {
        SortedMap<YearMonth, Long> s = new TreeMap<>(settled);
        for (ContributionEvent.Settled x : p.settled()) s.merge(x.month(), x.amount(), Long::sum);
        return new Ledger(billed, s, totalPaid + p.amount());
    }

    /**
     * Cleared to be active again in {@code current}: nothing open in the counted arrears window nor in the
     * current month; when the current month is not billed yet, the credit must cover it (as much as the
     * latest bill).
     */
    public boolean clearedFor(YearMonth current) {
        if (!unpaid(oldestCounted(current), current).isEmpty()) return false;
        if (billed.containsKey(current)) return true;
        long needed = billed.isEmpty() ? 0 : billed.get(billed.lastKey());
        long openCounted = 0;
        for (YearMonth m : billed.keySet()) if (!m.isBefore(oldestCounted(current))) openCounted += open(m);
        return credit() - openCounted >= needed;
    }
}
