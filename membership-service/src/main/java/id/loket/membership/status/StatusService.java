package id.loket.membership.status;

import id.loket.membership.contribution.domain.ContributionEvent;
import id.loket.membership.contribution.domain.ContributionEvent.BillCancelled;
import id.loket.membership.contribution.domain.ContributionEvent.BillRestored;
import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.contribution.service.BillingRun;
import id.loket.membership.contribution.service.Ledgers;
import id.loket.membership.participant.domain.DeactivationReason;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.StatusTimeline;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

/** Status over time, arrears, deactivation and its reversal, history. */
@ApplicationScoped
public class StatusService {

    /** Penalty (denda) for an inpatient stay within 45 days of reactivation (DOMAIN.md). */
    static final int PENALTY_BP_PER_MONTH = 500;
    static final int PENALTY_MAX_MONTHS = 12;
    static final long PENALTY_CAP = 30_000_000L;

    private final EventStore store;
    private final EventCodec codec;
    private final AggregateRepository aggregates;
    private final Ledgers ledgers;
    private final Clock clock;

    StatusService(EventStore store, EventCodec codec, AggregateRepository aggregates, Ledgers ledgers, Clock clock) {
        this.store = store;
        this.codec = codec;
        this.aggregates = aggregates;
        this.ledgers = ledgers;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE));
    }

    public record StatusAnswer(UUID participantId, LocalDate asOf, String status, String reason, LocalDate since) {
    }

    public StatusAnswer statusAsOf(UUID id, LocalDate day) {
        List<ParticipantEvent> events = events(id).stream().map(e -> codec.decode(e, ParticipantEvent.class)).toList();
        var at = StatusTimeline.asOf(events, day);
        if (at == null) return new StatusAnswer(id, day, "NOT_REGISTERED", null, null);
        return new StatusAnswer(id, day, at.status().name(), at.reason(), at.since());
    }

    public record MonthOwed(YearMonth month, long amount) {
    }

    public record Penalty(long inaCbgTariff, int monthsCounted, long amount) {
    }

    public record Arrears(UUID participantId, String accountId, String status, List<MonthOwed> months, long arrearsTotal,
                          YearMonth currentMonth, long currentMonthOwed, long credit, long totalToBeActive, Penalty penalty) {
    }

    public Arrears arrears(UUID id, Long inaCbgTariff) {
        ParticipantView v = view(id);
        YearMonth current = YearMonth.from(today());
        Ledger ledger = ledgers.ledger(v.accountId);
        SortedMap<YearMonth, Long> owed = ledger.unpaid(Ledger.oldestCounted(current), current.minusMonths(1));
        long arrears = owed.values().stream().mapToLong(Long::longValue).sum();
        long currentOwed = ledger.unpaid(current, current).getOrDefault(current, 0L);
        if (!ledger.billed().containsKey(current) && !ledger.billed().isEmpty()) {
            currentOwed = ledger.billed().get(ledger.billed().lastKey()); // not billed yet: as much as the latest bill
        }
        Penalty penalty = null;
        if (inaCbgTariff != null) {
            if (inaCbgTariff < 0) throw new InvalidField("inaCbgTariff", "must not be negative");
            int months = Math.min(owed.size(), PENALTY_MAX_MONTHS);
            long amount = Math.min(inaCbgTariff * PENALTY_BP_PER_MONTH / 10_000 * months, PENALTY_CAP);
            penalty = new Penalty(inaCbgTariff, months, amount);
        }
        List<MonthOwed> months = owed.entrySet().stream().map(e -> new MonthOwed(e.getKey(), e.getValue())).toList();
        return new Arrears(id, v.accountId, v.status, months, arrears, current, currentOwed, ledger.credit(),
                arrears + currentOwed, penalty);
    }

    public record Document(DeactivationReason.DocumentType type, String number) {
    }

    public record Deactivation(DeactivationReason reason, LocalDate dateOfDeath, LocalDate effectiveFrom,
                               List<Document> documents, String complaintReference) {
    }

    public record DeactivationResult(UUID participantId, String status, LocalDate effectiveFrom, List<MonthOwed> cancelledBills,
                                     UUID requestId) {
    }

    /** A request waiting for a supervisor other than its requester (202). */
    public record RequestAnswer(UUID requestId, UUID participantId, String kind, String status, String requestedBy) {
    }

    public record Rejection(UUID requestId, UUID participantId, String kind, String status, String rejectedBy, String reason) {
    }

    /** A deactivation at once, without a second person: only for the start-up demo data (no person acts there). */
    @Transactional
    public DeactivationResult deactivate(UUID id, Deactivation d) {
        ParticipantView v = view(id);
        LocalDate effective = checked(d);
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Deactivate(d.reason(), effective, d.complaintReference()));
        return new DeactivationResult(id, "INACTIVE", effective, cancelLaterBills(v, id, effective, d.reason()), null);
    }

    /**
     * A person asks for a deactivation: the documents are checked now (400 naming the field), their numbers kept
     * here for the supervisor, and nothing changes until another supervisor approves. A second pending request is 409.
     */
    @Transactional
    public RequestAnswer requestDeactivation(UUID id, Deactivation d, String requestedBy) {
        view(id);
        LocalDate effective = checked(d);
        UUID requestId = UUID.randomUUID();
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.RequestDeactivation(requestId, d.reason(), effective, d.complaintReference(),
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
        view(id);
        UUID requestId = UUID.randomUUID();
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.RequestReversal(requestId, reason, requestedBy));
        return new RequestAnswer(requestId, id, "REVERSAL", "PENDING", requestedBy);
    }

    /** The second person approves: exactly what a deactivation did before (the event, the later bills cancelled). */
    @Transactional
    public DeactivationResult approveDeactivation(UUID id, UUID requestId, String approvedBy) {
        ParticipantView v = view(id);
        pendingRequest(id, requestId, Participant.RequestKind.DEACTIVATION);
        var handled = aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Decide(requestId, Participant.RequestKind.DEACTIVATION, true, approvedBy, null));
        var deactivated = (ParticipantEvent.ParticipantDeactivated) handled.events().getFirst();
        return new DeactivationResult(id, "INACTIVE", deactivated.effectiveFrom(),
                cancelLaterBills(v, id, deactivated.effectiveFrom(), deactivated.reason()), requestId);
    }

    @Transactional
    public ReversalResult approveReversal(UUID id, UUID requestId, String approvedBy) {
        ParticipantView v = view(id);
        pendingRequest(id, requestId, Participant.RequestKind.REVERSAL);
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Decide(requestId, Participant.RequestKind.REVERSAL, true, approvedBy, null));
        List<MonthOwed> restored = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> line : lines(v.accountId, id, true).entrySet()) {
            appendToBill(v.accountId, line.getKey(), new BillRestored(v.accountId, line.getKey(), id, line.getValue()));
            restored.add(new MonthOwed(line.getKey(), line.getValue()));
        }
        return new ReversalResult(id, view(id).status, restored, requestId);
    }

    @Transactional
    public Rejection reject(UUID id, UUID requestId, Participant.RequestKind kind, String rejectedBy, String reason) {
        view(id);
        pendingRequest(id, requestId, kind);
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Decide(requestId, kind, false, rejectedBy, reason));
        return new Rejection(requestId, id, kind.name(), "REJECTED", rejectedBy, reason);
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

    private LocalDate checked(Deactivation d) {
        LocalDate effective = d.reason() == DeactivationReason.DECEASED ? d.dateOfDeath() : d.effectiveFrom();
        String dateField = d.reason() == DeactivationReason.DECEASED ? "dateOfDeath" : "effectiveFrom";
        if (effective == null) throw new InvalidField(dateField, "is required for " + d.reason());
        if (effective.isAfter(today())) throw new InvalidField(dateField, "must not be in the future");
        Set<DeactivationReason.DocumentType> given = new java.util.HashSet<>();
        if (d.documents() != null) d.documents().forEach(doc -> given.add(doc.type()));
        List<String> missing = d.reason().missing(given);
        if (!missing.isEmpty()) throw new InvalidField("documents", "missing " + String.join(", ", missing) + " for " + d.reason());
        return effective;
    }

    /** Bills for months after the effective month are no longer owed; what was paid for them becomes credit. */
    private List<MonthOwed> cancelLaterBills(ParticipantView v, UUID id, LocalDate effective, DeactivationReason reason) {
        List<MonthOwed> cancelled = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> line : lines(v.accountId, id, false).entrySet()) {
            if (!line.getKey().isAfter(YearMonth.from(effective))) continue;
            appendToBill(v.accountId, line.getKey(), new BillCancelled(v.accountId, line.getKey(), id, line.getValue(), reason.name()));
            cancelled.add(new MonthOwed(line.getKey(), line.getValue()));
        }
        return cancelled;
    }

    public record ReversalResult(UUID participantId, String status, List<MonthOwed> restoredBills, UUID requestId) {
    }

    public record RequestDocument(String type, String number) {
    }

    public record RequestView(UUID requestId, UUID participantId, String kind, String status, String reason,
                              LocalDate effectiveFrom, String complaintReference, List<RequestDocument> documents,
                              String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason) {
    }

    /** The requests in a status (PENDING: the supervisors' work list), oldest first. */
    public List<RequestView> requests(String status, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                        SELECT request_id, participant_id, kind, status, reason, effective_from, complaint_reference,
                               requested_by, requested_at, decided_by, decided_at, decision_reason
                          FROM deactivation_request WHERE status = ?1 ORDER BY requested_at, request_id LIMIT ?2""")
                .setParameter(1, status).setParameter(2, limit).getResultList();
        Map<UUID, List<RequestDocument>> documents = new java.util.HashMap<>();
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

    public record HistoryEntry(long version, String type, Instant recordedAt, String summary, Object data) {
    }

    /** The participant's events in order, each with a sentence a frontliner can read. */
    public List<HistoryEntry> history(UUID id) {
        List<StoredEvent> stream = events(id);
        if (stream.isEmpty()) throw new NotFound("no participant " + id);
        return stream.stream().map(e -> {
            ParticipantEvent p = codec.decode(e, ParticipantEvent.class);
            return new HistoryEntry(e.version(), e.type(), e.recordedAt(), summary(p), p);
        }).toList();
    }

    static String summary(ParticipantEvent e) {
        return switch (e) {
            case ParticipantEvent.ParticipantRegistered r -> "Registered as " + r.segment()
                    + (r.careClass() == null ? "" : " class " + r.careClass()) + " on " + r.registrationDate()
                    + ", card " + r.cardNumber();
            case ParticipantEvent.ParticipantSuspended s -> "Suspended from " + s.effectiveFrom() + ": "
                    + s.monthsInArrears() + " month(s) unpaid on account " + s.accountId()
                    + (s.arrearsAmount() == null ? "" : ", Rp " + s.arrearsAmount());
            case ParticipantEvent.ParticipantReactivated r -> "Active again from " + r.effectiveFrom() + " (arrears paid)";
            case ParticipantEvent.ParticipantDeactivated d -> "Deactivated (" + d.reason() + ") as of " + d.effectiveFrom()
                    + (d.complaintReference() == null ? "" : ", complaint " + d.complaintReference());
            case ParticipantEvent.ParticipantDeactivationReversed r -> "Deactivation reversed: " + r.reason();
            case ParticipantEvent.ParticipantDeactivationRequested r -> "Deactivation (" + r.reason() + ") as of "
                    + r.effectiveFrom() + " requested by " + r.requestedBy() + ", request " + r.requestId();
            case ParticipantEvent.ParticipantDeactivationRejected r -> "Deactivation request " + r.requestId()
                    + " rejected by " + r.rejectedBy() + ": " + r.reason();
            case ParticipantEvent.ParticipantDeactivationReversalRequested r -> "Reversal requested by " + r.requestedBy()
                    + ", request " + r.requestId() + ": " + r.reason();
            case ParticipantEvent.ParticipantDeactivationReversalRejected r -> "Reversal request " + r.requestId()
                    + " rejected by " + r.rejectedBy() + ": " + r.reason();
            case ParticipantEvent.ParticipantDataCorrected c -> "Corrected " + c.field() + " (source " + c.source() + ")"
                    + (c.field() == id.loket.membership.participant.domain.CorrectedField.FACILITY_CODE
                    ? ": " + c.oldValue() + " -> " + c.newValue() : "");
        };
    }

    private List<StoredEvent> events(UUID id) {
        List<StoredEvent> stream = store.readStream(Participant.streamId(id));
        if (stream.isEmpty()) throw new NotFound("no participant " + id);
        return stream;
    }

    private static ParticipantView view(UUID id) {
        ParticipantView v = ParticipantView.findById(id);
        if (v == null) throw new NotFound("no participant " + id);
        return v;
    }

    private static SortedMap<YearMonth, Long> lines(String account, UUID participant, boolean cancelled) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                        "SELECT month, amount FROM bill_line WHERE account_id = ?1 AND participant_id = ?2 AND cancelled = ?3")
                .setParameter(1, account).setParameter(2, participant).setParameter(3, cancelled).getResultList();
        SortedMap<YearMonth, Long> out = new java.util.TreeMap<>();
        for (Object[] r : rows) out.put(YearMonth.parse(r[0].toString().trim()), ((Number) r[1]).longValue());
        return out;
    }

    private void appendToBill(String account, YearMonth month, ContributionEvent event) {
        String stream = BillingRun.billStream(account, month);
        store.append(stream, ExpectedVersion.exactly(store.currentVersion(stream)), List.of(codec.encode(event)));
    }
}
