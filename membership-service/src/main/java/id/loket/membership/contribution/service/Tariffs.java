package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Tariff;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** The tariff table (data, effective-from per row): the row in force on a date for a segment and class. */
@ApplicationScoped
public class Tariffs {

    public Tariff inForce(Tariff.Key key, LocalDate on) {
        Segment segment = key.segment();
        CareClass careClass = key.careClass();
        String cls = segment.choosesClass() || segment.isGovernmentPaid() ? (careClass == null ? "III" : careClass.name()) : "-";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT kind, coalesce(amount, 0), subsidy, coalesce(rate_bp, 0), coalesce(wage_floor, 0), coalesce(wage_cap, 0),
                       coalesce(included_members, 0), coalesce(extra_member_bp, 0)
                  FROM tariff WHERE segment = ?1 AND care_class = ?2 AND effective_from <= ?3
                 ORDER BY effective_from DESC LIMIT 1""")
                .setParameter(1, segment.name()).setParameter(2, cls).setParameter(3, on).getResultList();
        if (rows.isEmpty()) throw new id.loket.platform.domain.RuleViolation("no tariff in force for " + segment + "/" + cls + " on " + on);
        Object[] r = rows.getFirst();
        return new Tariff((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).intValue(),
                ((Number) r[4]).longValue(), ((Number) r[5]).longValue(), ((Number) r[6]).intValue(), ((Number) r[7]).intValue());
    }
}
