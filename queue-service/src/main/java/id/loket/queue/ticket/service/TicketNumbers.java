package id.loket.queue.ticket.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * Draws the next number of a branch's service type for a business day. Must run in the transaction that
 * appends TicketIssued: the row stays locked until it commits (one branch's numbering is one hot row, by
 * design), and a rollback gives the number back, so numbers are never skipped nor reused.
 */
@ApplicationScoped
public class TicketNumbers {

    private final EntityManager em;

    TicketNumbers(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int next(String branch, String serviceType, LocalDate businessDate) {
        Number n = (Number) em.createNativeQuery("""
                INSERT INTO ticket_number (branch_code, service_type, business_date, last_number) VALUES (?1, ?2, ?3, 1)
                ON CONFLICT (branch_code, service_type, business_date)
                DO UPDATE SET last_number = ticket_number.last_number + 1
                RETURNING last_number""")
                .setParameter(1, branch).setParameter(2, serviceType).setParameter(3, businessDate)
                .getSingleResult();
        return n.intValue();
    }
}
