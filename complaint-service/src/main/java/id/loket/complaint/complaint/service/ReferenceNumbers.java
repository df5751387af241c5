package id.loket.complaint.complaint.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Human reference numbers, branch + business date + per-day sequence: {@code SDA-20261126-0007}. */
@ApplicationScoped
public class ReferenceNumbers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Draws the next number in the caller's transaction: a rolled-back registration gives its number back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(String branch, LocalDate businessDate) {
        Number n = (Number) Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO complaint_reference_counter (branch_code, business_date, last_sequence) VALUES (?1, ?2, 1)
                        ON CONFLICT (branch_code, business_date)
                        DO UPDATE SET last_sequence = complaint_reference_counter.last_sequence + 1
                        RETURNING last_sequence""")
                .setParameter(1, branch).setParameter(2, businessDate).getSingleResult();
        return "%s-%s-%04d".formatted(branch, DATE.format(businessDate), n.intValue());
    }
}
