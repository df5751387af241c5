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
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.eventstore.StoredEvent;
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

    public record DeactivationResult(UUID participantId, String status, LocalDate effectiveFrom, List<MonthOwed> cancelledBills) {
    }

    @Transactional
    public DeactivationResult deactivate(UUID id, Deactivation d) {
        ParticipantView v = view(id);
        LocalDate effective = d.reason() == DeactivationReason.DECEASED ? d.dateOfDeath() : d.effectiveFrom();
        String dateField = d.reason() == DeactivationReason.DECEASED ? "dateOfDeath" : "effectiveFrom";
        if (effective == null) throw new InvalidField(dateField, "is required for " + d.reason());
        if (effective.isAfter(today())) throw new InvalidField(dateField, "must not be in the future");
        Set<DeactivationReason.DocumentType> given = new java.util.HashSet<>();
        if (d.documents() != null) d.documents().forEach(doc -> given.add(doc.type()));
        List<String> missing = d.reason().missing(given);
        if (!missing.isEmpty()) throw new InvalidField("documents", "missing " + String.join(", ", missing) + " for " + d.reason());
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.Deactivate(d.reason(), effective, d.complaintReference()));
        // Bills for months after the effective month are no longer owed; what was paid for them becomes credit.
        List<MonthOwed> cancelled = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> line : lines(v.accountId, id, false).entrySet()) {
            if (!line.getKey().isAfter(YearMonth.from(effective))) continue;
            appendToBill(v.accountId, line.getKey(), new BillCancelled(v.accountId, line.getKey(), id, line.getValue(), d.reason().name()));
            cancelled.add(new MonthOwed(line.getKey(), line.getValue()));
        }
        return new DeactivationResult(id, "INACTIVE", effective, cancelled);
    }

    public record ReversalResult(UUID participantId, String status, List<MonthOwed> restoredBills) {
    }

    @Transactional
    public ReversalResult reverse(UUID id, String reason) {
        ParticipantView v = view(id);
        aggregates.handle(Participant.streamId(id), Participant.DECIDER, ParticipantEvent.class,
                new Participant.Command.ReverseDeactivation(reason));
        List<MonthOwed> restored = new ArrayList<>();
        for (Map.Entry<YearMonth, Long> line : lines(v.accountId, id, true).entrySet()) {
            appendToBill(v.accountId, line.getKey(), new BillRestored(v.accountId, line.getKey(), id, line.getValue()));
            restored.add(new MonthOwed(line.getKey(), line.getValue()));
        }
        return new ReversalResult(id, view(id).status, restored);
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
                    + s.monthsInArrears() + " month(s) unpaid on account " + s.accountId();
            case ParticipantEvent.ParticipantReactivated r -> "Active again from " + r.effectiveFrom() + " (arrears paid)";
            case ParticipantEvent.ParticipantDeactivated d -> "Deactivated (" + d.reason() + ") as of " + d.effectiveFrom()
                    + (d.complaintReference() == null ? "" : ", complaint " + d.complaintReference());
            case ParticipantEvent.ParticipantDeactivationReversed r -> "Deactivation reversed: " + r.reason();
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
