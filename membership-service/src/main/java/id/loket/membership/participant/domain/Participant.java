package id.loket.membership.participant.domain;

import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationRejected;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationRequested;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversalRejected;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversalRequested;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantReactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantSuspended;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A JKN participant, as the fold of its events. A deactivation and its reversal take two people (four eyes): one
 * requests it, a supervisor other than the requester approves or rejects it; at most one request is pending.
 */
public record Participant(UUID id, String cardNumber, String nikHash, Segment segment, CareClass careClass,
                          String accountId, ParticipantStatus status, ParticipantStatus statusBeforeDeactivation,
                          PendingRequest pending) {

    /** A request waiting for a second person; reversalReason only for a REVERSAL, the rest only for a DEACTIVATION. */
    public record PendingRequest(UUID requestId, RequestKind kind, String requestedBy, DeactivationReason reason,
                                 LocalDate effectiveFrom, String complaintReference, String reversalReason) {
    }

    public enum RequestKind { DEACTIVATION, REVERSAL }

    /**
     * What a registration must know of other participants, looked up by the caller: who holds the NIK, the card
     * number, the headship of the family (null: nobody). A bulk import counts its own earlier lines as holders.
     */
    public record Others(Holder nik, Holder card, Holder head) {
        public static final Others NONE = new Others(null, null, null);
    }

    /** A participant already holding it: registered ({@code line} 0) or on an earlier line of the same import. */
    public record Holder(UUID participantId, String cardNumber, long line) {
        public static Holder registered(UUID participantId, String cardNumber) {
            return new Holder(participantId, cardNumber, 0);
        }

        public boolean onEarlierLine() {
            return line > 0;
        }
    }

    public static String streamId(UUID id) {
        return "participant-" + id;
    }

    public sealed interface Command {
        /** {@code others}: who already holds the NIK, the card number or the family's headship, as the caller looked up. */
        record Register(UUID participantId, String cardNumber, String nikHash, String nikLast4, String familyCardHash,
                        Nik.Sex sex, Segment segment, CareClass careClass, LocalDate registrationDate,
                        Relation relation, String accountId, String employerId, String facilityCode, Others others) implements Command {
            public Register {
                if (others == null) others = Others.NONE;
            }

            public Register with(Others facts) {
                return new Register(participantId, cardNumber, nikHash, nikLast4, familyCardHash, sex, segment, careClass,
                        registrationDate, relation, accountId, employerId, facilityCode, facts);
            }
        }

        /** From the daily job: a no-op when already suspended or inactive (so the job is safe twice). */
        record Suspend(LocalDate effectiveFrom, int monthsInArrears, long arrearsAmount) implements Command {
        }

        /** From a payment: a no-op unless suspended (a deactivated participant is never reactivated). */
        record Reactivate(LocalDate effectiveFrom) implements Command {
        }

        /** At once, without a second person: only for the start-up demo data, never from a request of a person. */
        record Deactivate(DeactivationReason reason, LocalDate effectiveFrom, String complaintReference) implements Command {
        }

        /** The documents were checked by the caller; their numbers stay in this service (not in the event). */
        record RequestDeactivation(UUID requestId, DeactivationReason reason, LocalDate effectiveFrom, String complaintReference,
                                   List<DeactivationReason.DocumentType> documents, String requestedBy) implements Command {
        }

        record RequestReversal(UUID requestId, String reason, String requestedBy) implements Command {
        }

        /** Approves or rejects the pending request {@code requestId} of that kind; rejectionReason only for a rejection. */
        record Decide(UUID requestId, RequestKind kind, boolean approve, String decidedBy, String rejectionReason) implements Command {
        }

        record CorrectData(CorrectedField field, String newNikHash, String newNikLast4, String oldValue, String newValue,
                           String source, UUID correctionId) implements Command {
        }
    }

    private static final Participant NONE = new Participant(null, null, null, null, null, null, null, null, null);

    public static final Decider<Command, ParticipantEvent, Participant> DECIDER =
            new Decider<>(NONE, Participant::decide, Participant::evolve);

    public boolean exists() {
        return id != null;
    }

    static List<ParticipantEvent> decide(Command command, Participant state) {
        if (!(command instanceof Command.Register) && !state.exists()) {
            throw new RuleViolation("no such participant");
        }
        return switch (command) {
            case Command.Register r -> {
                if (state.exists()) throw new RuleViolation("participant " + r.participantId() + " is already registered");
                if (r.others().nik() != null && r.cardNumber().equals(r.others().nik().cardNumber())) {
                    yield List.of(); // the same person with the same card again (an import sent twice): nothing new
                }
                requireFree(r);
                yield List.of(new ParticipantRegistered(r.participantId(), r.cardNumber(), r.nikHash(),
                        r.nikLast4(), r.familyCardHash(), r.sex(), r.segment(), r.careClass(), r.registrationDate(),
                        r.relation(), r.accountId(), r.employerId(), r.facilityCode()));
            }
            case Command.Suspend s -> state.status == ParticipantStatus.ACTIVE && !state.segment.isGovernmentPaid()
                    ? List.of(new ParticipantSuspended(state.id, state.nikHash, s.effectiveFrom(), s.monthsInArrears(), state.accountId,
                            s.arrearsAmount()))
                    : List.of();
            case Command.Reactivate r -> state.status == ParticipantStatus.SUSPENDED
                    ? List.of(new ParticipantReactivated(state.id, state.nikHash, r.effectiveFrom()))
                    : List.of();
            case Command.Deactivate d -> {
                state.requireDeactivatable();
                yield List.of(new ParticipantDeactivated(state.id, state.nikHash, d.reason(), d.effectiveFrom(), d.complaintReference()));
            }
            case Command.RequestDeactivation r -> {
                state.requireDeactivatable();
                yield List.of(new ParticipantDeactivationRequested(state.id, state.nikHash, r.requestId(), r.reason(),
                        r.effectiveFrom(), r.complaintReference(), List.copyOf(r.documents()), r.requestedBy()));
            }
            case Command.RequestReversal r -> {
                if (state.status != ParticipantStatus.INACTIVE) {
                    throw new RuleViolation("participant " + state.id + " is not deactivated");
                }
                state.requireNothingPending();
                yield List.of(new ParticipantDeactivationReversalRequested(state.id, state.nikHash, r.requestId(), r.reason(), r.requestedBy()));
            }
            case Command.Decide d -> {
                PendingRequest p = state.pending;
                if (p == null || !p.requestId().equals(d.requestId()) || p.kind() != d.kind()) {
                    throw new RuleViolation("no pending " + d.kind().name().toLowerCase() + " request " + d.requestId()
                            + " for participant " + state.id);
                }
                if (p.requestedBy().equals(d.decidedBy())) {
                    throw new SelfApproval("the requester of " + d.requestId() + " may not " + (d.approve() ? "approve" : "reject")
                            + " it: a second person decides (four eyes)");
                }
                if (!d.approve()) {
                    yield List.of(d.kind() == RequestKind.DEACTIVATION
                            ? new ParticipantDeactivationRejected(state.id, state.nikHash, p.requestId(), d.rejectionReason(), d.decidedBy())
                            : new ParticipantDeactivationReversalRejected(state.id, state.nikHash, p.requestId(), d.rejectionReason(), d.decidedBy()));
                }
                // the approved request becomes exactly the event a direct deactivation or reversal appended before
                yield List.of(d.kind() == RequestKind.DEACTIVATION
                        ? new ParticipantDeactivated(state.id, state.nikHash, p.reason(), p.effectiveFrom(), p.complaintReference())
                        : new ParticipantDeactivationReversed(state.id, state.nikHash, p.reversalReason()));
            }
            case Command.CorrectData c -> List.of(new ParticipantEvent.ParticipantDataCorrected(state.id,
                    c.newNikHash() != null ? c.newNikHash() : state.nikHash, c.newNikLast4(), c.field(), c.oldValue(),
                    c.newValue(), c.source(), c.correctionId()));
        };
    }

    /** One participant per NIK, one per card number, one head per family (DOMAIN.md). */
    private static void requireFree(Command.Register r) {
        Holder nik = r.others().nik(), card = r.others().card(), head = r.others().head();
        if (nik != null) {
            throw new RegistrationRefused("nik", nik.onEarlierLine() ? "already on line " + nik.line() + " with another card number"
                    : "a participant with this NIK is already registered: participant " + nik.participantId()
                    + (nik.cardNumber() == null ? "" : ", card " + nik.cardNumber()));
        }
        if (card != null) {
            throw new RegistrationRefused("cardNumber", card.onEarlierLine() ? "already given to line " + card.line()
                    : "already held by another participant");
        }
        if (r.relation() == Relation.HEAD && head != null) {
            throw new RegistrationRefused("relation", "this family already has a head of family"
                    + (head.onEarlierLine() ? " (line " + head.line() + ")" : ""));
        }
    }

    private void requireDeactivatable() {
        if (status == ParticipantStatus.INACTIVE) {
            throw new RuleViolation("participant " + id + " is already deactivated; deactivation is final");
        }
        requireNothingPending();
    }

    private void requireNothingPending() {
        if (pending != null) {
            throw new RuleViolation("participant " + id + " already has a pending " + pending.kind().name().toLowerCase()
                    + " request " + pending.requestId() + "; it must be approved or rejected first");
        }
    }

    static Participant evolve(Participant s, ParticipantEvent event) {
        return switch (event) {
            case ParticipantRegistered r -> new Participant(r.participantId(), r.cardNumber(), r.nikHash(), r.segment(),
                    r.careClass(), r.accountId(), ParticipantStatus.ACTIVE, null, null);
            case ParticipantSuspended e -> s.with(ParticipantStatus.SUSPENDED, s.statusBeforeDeactivation, s.pending);
            case ParticipantReactivated e -> s.with(ParticipantStatus.ACTIVE, s.statusBeforeDeactivation, s.pending);
            case ParticipantDeactivated e -> s.with(ParticipantStatus.INACTIVE, s.status, null);
            case ParticipantDeactivationReversed e -> s.with(s.statusBeforeDeactivation, null, null);
            case ParticipantDeactivationRequested r -> s.with(s.status, s.statusBeforeDeactivation, new PendingRequest(r.requestId(),
                    RequestKind.DEACTIVATION, r.requestedBy(), r.reason(), r.effectiveFrom(), r.complaintReference(), null));
            case ParticipantDeactivationReversalRequested r -> s.with(s.status, s.statusBeforeDeactivation, new PendingRequest(
                    r.requestId(), RequestKind.REVERSAL, r.requestedBy(), null, null, null, r.reason()));
            case ParticipantDeactivationRejected r -> s.with(s.status, s.statusBeforeDeactivation, null);
            case ParticipantDeactivationReversalRejected r -> s.with(s.status, s.statusBeforeDeactivation, null);
            case ParticipantEvent.ParticipantDataCorrected c -> new Participant(s.id, s.cardNumber, c.nikHash(), s.segment,
                    s.careClass, s.accountId, s.status, s.statusBeforeDeactivation, s.pending);
        };
    }

    private Participant with(ParticipantStatus status, ParticipantStatus before, PendingRequest pending) {
        return new Participant(id, cardNumber, nikHash, segment, careClass, accountId, status, before, pending);
    }
}
