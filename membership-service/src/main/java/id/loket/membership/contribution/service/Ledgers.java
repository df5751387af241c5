package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Ledger;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Reads an account's ledger from the read models (bills, settlements, payments). */
@ApplicationScoped
public class Ledgers {

    /** Per month, what is still owed on the bills (cancelled lines excluded). */
    public SortedMap<YearMonth, Long> billed(String accountId) {
        return sums("SELECT month, sum(amount) FROM bill_line WHERE account_id = ?1 AND NOT cancelled GROUP BY month", accountId);
    }

    public Ledger ledger(String accountId) {
        SortedMap<YearMonth, Long> settled = sums("SELECT month, sum(amount) FROM settlement_line WHERE account_id = ?1 GROUP BY month", accountId);
        Number paid = (Number) Panache.getEntityManager()
                .createNativeQuery("SELECT coalesce(sum(amount), 0) FROM payment_view WHERE account_id = ?1")
                .setParameter(1, accountId).getSingleResult();
        return new Ledger(billed(accountId), settled, paid.longValue());
    }

    private static SortedMap<YearMonth, Long> sums(String sql, String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(sql).setParameter(1, accountId).getResultList();
        SortedMap<YearMonth, Long> out = new TreeMap<>();
        for (Object[] r : rows) {
            long v = ((Number) r[1]).longValue();
            if (v != 0) out.put(YearMonth.parse(r[0].toString().trim()), v);
        }
        return out;
    }
}
