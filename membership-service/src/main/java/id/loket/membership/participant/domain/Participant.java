package id.loket.membership.participant.domain;

import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantReactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantSuspended;
import id.loket.platform.aggregate.Decider;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A JKN participant, as the fold of its events. */
public record Participant(UUID id, String cardNumber, String nikHash, Segment segment, CareClass careClass,
                          String accountId, ParticipantStatus status, ParticipantStatus statusBeforeDeactivation) {

    public static String streamId(UUID id) {
        return "participant-" + id;
    }

    public sealed interface Command {
        record Register(UUID participantId, String cardNumber, String nikHash, String nikLast4, String familyCardHash,
                        Nik.Sex sex, Segment segment, CareClass careClass, LocalDate registrationDate,
                        Relation relation, String accountId, String employerId, String facilityCode) implements Command {
        }

        /** From the daily job: a no-op when already suspended or inactive (so the job is safe twice). */
        record Suspend(LocalDate effectiveFrom, int monthsInArrears) implements Command {
        }

        /** From a payment: a no-op unless suspended (a deactivated participant is never reactivated). */
        record Reactivate(LocalDate effectiveFrom) implements Command {
        }

        record Deactivate(DeactivationReason reason, LocalDate effectiveFrom, String complaintReference) implements Command {
        }

        record ReverseDeactivation(String reason) implements Command {
        }

        record CorrectData(CorrectedField field, String newNikHash, String newNikLast4, String oldValue, String newValue,
                           String source, UUID correctionId) implements Command {
        }
    }

    private static final Participant NONE = new Participant(null, null, null, null, null, null, null, null);

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
                yield List.of(new ParticipantRegistered(r.participantId(), r.cardNumber(), r.nikHash(),
                        r.nikLast4(), r.familyCardHash(), r.sex(), r.segment(), r.careClass(), r.registrationDate(),
                        r.relation(), r.accountId(), r.employerId(), r.facilityCode()));
            }
            case Command.Suspend s -> state.status == ParticipantStatus.ACTIVE && !state.segment.isGovernmentPaid()
                    ? List.of(new ParticipantSuspended(state.id, state.nikHash, s.effectiveFrom(), s.monthsInArrears(), state.accountId))
                    : List.of();
            case Command.Reactivate r -> state.status == ParticipantStatus.SUSPENDED
                    ? List.of(new ParticipantReactivated(state.id, state.nikHash, r.effectiveFrom()))
                    : List.of();
            case Command.Deactivate d -> {
                if (state.status == ParticipantStatus.INACTIVE) {
                    throw new RuleViolation("participant " + state.id + " is already deactivated; deactivation is final");
                }
                yield List.of(new ParticipantDeactivated(state.id, state.nikHash, d.reason(), d.effectiveFrom(), d.complaintReference()));
            }
            case Command.CorrectData c -> List.of(new ParticipantEvent.ParticipantDataCorrected(state.id,
                    c.newNikHash() != null ? c.newNikHash() : state.nikHash, c.newNikLast4(), c.field(), c.oldValue(),
                    c.newValue(), c.source(), c.correctionId()));
            case Command.ReverseDeactivation r -> {
                if (state.status != ParticipantStatus.INACTIVE) {
                    throw new RuleViolation("participant " + state.id + " is not deactivated");
                }
                yield List.of(new ParticipantDeactivationReversed(state.id, state.nikHash, r.reason()));
            }
        };
    }

    static Participant evolve(Participant s, ParticipantEvent event) {
        return switch (event) {
            case ParticipantRegistered r -> new Participant(r.participantId(), r.cardNumber(), r.nikHash(), r.segment(),
                    r.careClass(), r.accountId(), ParticipantStatus.ACTIVE, null);
            case ParticipantSuspended e -> s.with(ParticipantStatus.SUSPENDED, s.statusBeforeDeactivation);
            case ParticipantReactivated e -> s.with(ParticipantStatus.ACTIVE, s.statusBeforeDeactivation);
            case ParticipantDeactivated e -> s.with(ParticipantStatus.INACTIVE, s.status);
            case ParticipantDeactivationReversed e -> s.with(s.statusBeforeDeactivation, null);
            case ParticipantEvent.ParticipantDataCorrected c -> new Participant(s.id, s.cardNumber, c.nikHash(), s.segment,
                    s.careClass, s.accountId, s.status, s.statusBeforeDeactivation);
        };
    }

    private Participant with(ParticipantStatus status, ParticipantStatus before) {
        return new Participant(id, cardNumber, nikHash, segment, careClass, accountId, status, before);
    }
}
