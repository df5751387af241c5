package id.loket.membership.deactivation.service;

import id.loket.membership.contribution.domain.MonthOwed;
import id.loket.membership.contribution.service.BillCancellationPolicy;
import id.loket.membership.participant.domain.DeactivationReason;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A deactivation and its reversal, each by two people (four eyes): one requests it with the documents, a supervisor
 * other than the requester approves or rejects it. An approval's bills follow in its transaction
 * ({@link BillCancellationPolicy}).
 */
@ApplicationScoped
public class DeactivationService {

    public record Document(DeactivationReason.DocumentType type, String number) {
    }

    public record Deactivation(DeactivationReason reason, LocalDate dateOfDeath, LocalDate effectiveFrom,
                               List<Document> documents, String complaintReference) {
    }

    public record DeactivationResult(UUID participantId, String status, LocalDate effectiveFrom, List<MonthOwed> cancelledBills,
                                     UUID requestId) {
    }

    public record ReversalResult(UUID participantId, String status, List<MonthOwed> restoredBills, UUID requestId) {
    }

    /** A request waiting for a supervisor other than its requester (202). */
    public record RequestAnswer(UUID requestId, UUID participantId, String kind, String status, String requestedBy) {
    }

    public record Rejection(UUID requestId, UUID participantId, String kind, String status, String rejectedBy, String reason) {
    }

    private final AggregateRepository aggregates;
    private final BillCancellationPolicy bills;
    private final ParticipantService participants;

    DeactivationService(AggregateRepository aggregates, BillCancellationPolicy bills, ParticipantService participants) {
        this.aggregates = aggregates;
        this.bills = bills;
        this.participants = participants;
    }

    /** A deactivation at once, without a second person: only for the start-up demo data (no person acts there). */
    @Transactional
    public DeactivationResult deactivate(UUID id, Deactivation d) {
        requireParticipant(id);
        LocalDate effective = checked(d);
        var handled = handle(id, new Participant.Command.Deactivate(d.reason(), effective, d.complaintReference()));
        var deactivated = (ParticipantDeactivated) handled.events().getFirst();
        return new DeactivationResult(id, "INACTIVE", effective, bills.onDeactivated(handled.state().accountId(), deactivated), null);
    }

    /**
     * A person asks for a deactivation: the documents are checked now (400 naming the field), their numbers kept
     * here for the supervisor, and nothing changes until another supervisor approves. A second pending request is 409.
     */
    @Transactional
    public RequestAnswer requestDeactivation(UUID id, Deactivation d, String requestedBy) {
        requireParticipant(id);
        LocalDate effective = checked(d);
        UUID requestId = UUID.randomUUID();
        handle(id, new Participant.Command.RequestDeactivation(requestId, d.reason(), effective, d.complaintReference(),
                d.documents().stream().map(Document::type).toList(), requestedBy));
        var insert = Panache.getEntityManager().createNativeQuery(
                "INSERT INTO deactivation_request_document (request_id, position, type, number) VALUES (?1, ?2, ?3, ?4)");
        for (int i = 0; i < d.documents().size(); i++) {
            Document doc = d.documents().get(i);
            insert.setParameter(1, requestId).setParameter(2, i).setParameter(3, doc.type().name()).setParameter(4, doc.number()).executeUpdate();
        }
        return new RequestAnswer(requestId, id, "DEACTIVATION", "PENDING", requestedBy);
    }

    @Transactional
    public RequestAnswer requestReversal(UUID id, String reason, String requestedBy) {
        requireParticipant(id);
        UUID requestId = UUID.randomUUID();
        handle(id, new Participant.Command.RequestReversal(requestId, reason, requestedBy));
        return new RequestAnswer(requestId, id, "REVERSAL", "PENDING", requestedBy);
    }

    /** The second person approves: exactly what a deactivation did before (the event, the later bills cancelled). */
    @Transactional
    public DeactivationResult approveDeactivation(UUID id, UUID requestId, String approvedBy) {
        requireParticipant(id);
        pendingRequest(id, requestId, Participant.RequestKind.DEACTIVATION);
        var handled = handle(id, new Participant.Command.Decide(requestId, Participant.RequestKind.DEACTIVATION, true, approvedBy, null));
        var deactivated = (ParticipantDeactivated) handled.events().getFirst();
        return new DeactivationResult(id, "INACTIVE", deactivated.effectiveFrom(),
                bills.onDeactivated(handled.state().accountId(), deactivated), requestId);
    }

    @Transactional
    public ReversalResult approveReversal(UUID id, UUID requestId, String approvedBy) {
        requireParticipant(id);
        pendingRequest(id, requestId, Participant.RequestKind.REVERSAL);
        var handled = handle(id, new Participant.Command.Decide(requestId, Participant.RequestKind.REVERSAL, true, approvedBy, null));
        var reversed = (ParticipantDeactivationReversed) handled.events().getFirst();
        List<MonthOwed> restored = bills.onReversed(handled.state().accountId(), reversed);
        return new ReversalResult(id, handled.state().status().name(), restored, requestId);
    }

    @Transactional
    public Rejection reject(UUID id, UUID requestId, Participant.RequestKind kind, String rejectedBy, String reason) {
        requireParticipant(id);
        pendingRequest(id, requestId, kind);
        handle(id, new Participant.Command.Decide(requestId, kind, false, rejectedBy, reason));
        return new Rejection(requestId, id, kind.name(), "REJECTED", rejectedBy, reason);
    }

    private AggregateRepository.Handled<Participant, ParticipantEvent> handle(UUID id, Participant.Command command) {
        return aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class, command);
    }

    private static void requireParticipant(UUID id) {
        if (ParticipantView.findById(id) == null) throw new NotFound("no participant " + id);
    }

    /** 404 for a request this participant never had; 409 for one already decided (the aggregate checks the rest). */
    private static void pendingRequest(UUID id, UUID requestId, Participant.RequestKind kind) {
        @SuppressWarnings("unchecked")
        List<Object> status = Panache.getEntityManager().createNativeQuery(
                        "SELECT status FROM deactivation_request WHERE request_id = ?1 AND participant_id = ?2 AND kind = ?3")
                .setParameter(1, requestId).setParameter(2, id).setParameter(3, kind.name()).getResultList();
        if (status.isEmpty()) throw new NotFound("no " + kind.name().toLowerCase() + " request " + requestId + " for participant " + id);
        if (!"PENDING".equals(status.getFirst())) {
            throw new RuleViolation(kind.name().toLowerCase() + " request " + requestId + " is already "
                    + status.getFirst().toString().toLowerCase());
        }
    }

    /** The effective date and the documents the reason needs (DOMAIN.md); 400 naming the field. */
    private LocalDate checked(Deactivation d) {
        LocalDate effective = d.reason() == DeactivationReason.DECEASED ? d.dateOfDeath() : d.effectiveFrom();
        String dateField = d.reason() == DeactivationReason.DECEASED ? "dateOfDeath" : "effectiveFrom";
        if (effective == null) throw new InvalidField(dateField, "is required for " + d.reason());
        if (effective.isAfter(participants.today())) throw new InvalidField(dateField, "must not be in the future");
        Set<DeactivationReason.DocumentType> given = new HashSet<>();
        if (d.documents() != null) d.documents().forEach(doc -> given.add(doc.type()));
        List<String> missing = d.reason().missing(given);
        if (!missing.isEmpty()) throw new InvalidField("documents", "missing " + String.join(", ", missing) + " for " + d.reason());
        return effective;
    }
}
