package id.loket.membership.deactivation.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The supervisors' work list: deactivation and reversal requests in a status, with their documents. */
@ApplicationScoped
public class DeactivationRequests {

    public record RequestDocument(String type, String number) {
    }

    public record RequestView(UUID requestId, UUID participantId, String kind, String status, String reason,
                              LocalDate effectiveFrom, String complaintReference, List<RequestDocument> documents,
                              String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason) {
    }

    /** The requests in a status (PENDING: the supervisors' work list), oldest first. */
    public List<RequestView> inStatus(String status, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT request_id, participant_id, kind, status, reason, effective_from, complaint_reference,
                               requested_by, requested_at, decided_by, decided_at, decision_reason
                          FROM deactivation_request WHERE status = ?1 ORDER BY requested_at, request_id LIMIT ?2""")
                .setParameter(1, status).setParameter(2, limit).getResultList();
        Map<UUID, List<RequestDocument>> documents = new HashMap<>();
        if (!rows.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> docs = Panache.getEntityManager().createNativeQuery("""
                            SELECT request_id, type, number FROM deactivation_request_document
                             WHERE request_id IN (?1) ORDER BY request_id, position""")
                    .setParameter(1, rows.stream().map(r -> (UUID) r[0]).toList()).getResultList();
            for (Object[] d : docs) {
                documents.computeIfAbsent((UUID) d[0], k -> new ArrayList<>()).add(new RequestDocument((String) d[1], (String) d[2]));
            }
        }
        return rows.stream().map(r -> new RequestView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                date(r[5]), (String) r[6], documents.getOrDefault((UUID) r[0], List.of()),
                (String) r[7], instant(r[8]), (String) r[9], instant(r[10]), (String) r[11])).toList();
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> LocalDate.parse(value.toString());
        };
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
