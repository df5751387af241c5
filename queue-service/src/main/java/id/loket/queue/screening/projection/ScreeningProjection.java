package id.loket.queue.screening.projection;

import id.loket.platform.events.EventEnvelope;
import id.loket.platform.projection.EventProjection;
import id.loket.queue.screening.domain.VisitEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Keeps screening_view (one row per screened visit) in step with the visit streams; values from the event. */
@ApplicationScoped
public class ScreeningProjection implements EventProjection<VisitEvent> {

    private final EntityManager em;

    ScreeningProjection(EntityManager em) {
        this.em = em;
    }

    @Override
    public String name() {
        return "screenings";
    }

    @Override
    public List<String> tables() {
        return List.of("screening_view");
    }

    @Override
    public Class<VisitEvent> family() {
        return VisitEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<VisitEvent>> events) {
        for (EventEnvelope<VisitEvent> e : events) apply(e.event());
    }

    private void apply(VisitEvent event) {
        switch (event) {
            case VisitEvent.VisitorScreened s -> em.createNativeQuery("""
                    INSERT INTO screening_view (visit_id, branch, business_date, outcome, ticket_id, screened_at,
                                                purpose, membership_status, membership_source, months_in_arrears, arrears_amount)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                    .setParameter(1, s.visitId()).setParameter(2, s.branch()).setParameter(3, s.businessDate())
                    .setParameter(4, s.outcome().name()).setParameter(5, s.ticketId()).setParameter(6, s.screenedAt())
                    .setParameter(7, s.purpose().name()).setParameter(8, s.membershipStatus())
                    .setParameter(9, s.membershipSource()).setParameter(10, s.monthsInArrears())
                    .setParameter(11, s.arrearsAmount())
                    .executeUpdate();
        }
    }
}
