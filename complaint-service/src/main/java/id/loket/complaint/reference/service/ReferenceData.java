package id.loket.complaint.reference.service;

import id.loket.complaint.reference.domain.Category;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Categories, escalation units and digital channels: reference data read from the database, never hard-coded. */
@ApplicationScoped
public class ReferenceData {

    @SuppressWarnings("unchecked")
    public List<Category> categories() {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                SELECT c.code, c.name, array_to_string(c.required_documents, ','), c.service_level, s.first_response_minutes,
                       s.resolution_working_days, c.escalation_unit, c.action
                  FROM complaint_category c JOIN service_level s ON s.code = c.service_level ORDER BY c.code""")
                .getResultList();
        return rows.stream().map(ReferenceData::category).toList();
    }

    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean isEscalationUnit(String code) {
        return exists("SELECT count(*) FROM escalation_unit WHERE code = ?1", code);
    }

    public boolean isDigitalChannel(String code) {
        return exists("SELECT count(*) FROM digital_channel WHERE code = ?1", code);
    }

    @SuppressWarnings("unchecked")
    public List<String> digitalChannels() {
        return Panache.getEntityManager().createNativeQuery("SELECT code FROM digital_channel ORDER BY code").getResultList();
    }

    private static boolean exists(String sql, String code) {
        return ((Number) Panache.getEntityManager().createNativeQuery(sql).setParameter(1, code).getSingleResult())
                .longValue() > 0;
    }

    private static Category category(Object[] r) {
        String docs = (String) r[2];
        List<String> required = docs == null || docs.isEmpty() ? List.of() : Arrays.asList(docs.split(","));
        return new Category((String) r[0], (String) r[1], List.copyOf(required), (String) r[3],
                ((Number) r[4]).intValue(), ((Number) r[5]).intValue(), (String) r[6], (String) r[7]);
    }
}
