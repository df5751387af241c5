package id.loket.membership.participant.domain;

import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a participant, as published on {@code loket.membership.events}. No event carries the NIK,
 * the name or the family card number: other services match people by {@code nikHash} (ARCHITECTURE.md, Privacy).
 * The field lists of Suspended / Reactivated / Deactivated / DeactivationReversed are a cross-service contract.
 */
public sealed interface ParticipantEvent {

    UUID participantId();

    /** A deactivation or reversal requested, rejected or (as the event it became) approved: the four-eyes workflow. */
    sealed interface FourEyes extends ParticipantEvent {
    }

    /** relation, accountId, employerId and facilityCode were added later: null in the oldest events. */
    record ParticipantRegistered(
            UUID participantId,
            String cardNumber,
            String nikHash,
            String nikLast4,
            String familyCardHash,
            Nik.Sex sex,
            Segment segment,
            CareClass careClass,
            LocalDate registrationDate,
            Relation relation,
            String accountId,
            String employerId,
            String facilityCode) implements ParticipantEvent {
    }

    /**
     * Month M unpaid by its end: not covered from the 1st of M+1 (never for PBI). arrearsAmount: the account's unpaid
     * counted months, in rupiah, when suspended (added within v1: null in events written before it).
     */
    record ParticipantSuspended(UUID participantId, String nikHash, LocalDate effectiveFrom, int monthsInArrears,
                                String accountId, Long arrearsAmount) implements ParticipantEvent {
    }

    /** The arrears (at most 24 months) plus the current month are paid: covered again from that day. */
    record ParticipantReactivated(UUID participantId, String nikHash, LocalDate effectiveFrom) implements ParticipantEvent {
    }

    /** Final: only an explicit reversal undoes it. effectiveFrom is e.g. the date of death. */
    record ParticipantDeactivated(UUID participantId, String nikHash, DeactivationReason reason, LocalDate effectiveFrom,
                                  String complaintReference) implements FourEyes {
    }

    /** A deactivation reported by mistake, undone with evidence: as if it never happened. */
    record ParticipantDeactivationReversed(UUID participantId, String nikHash, String reason) implements FourEyes {
    }

    /**
     * A frontliner (or supervisor) asks for a deactivation; nothing changes until another supervisor approves it
     * (then {@link ParticipantDeactivated}) or rejects it. {@code documents} are the types shown; their numbers stay
     * in this service. {@code requestedBy} is the requester's token subject.
     */
    record ParticipantDeactivationRequested(UUID participantId, String nikHash, UUID requestId, DeactivationReason reason,
                                            LocalDate effectiveFrom, String complaintReference,
                                            List<DeactivationReason.DocumentType> documents,
                                            String requestedBy) implements FourEyes {
    }

    /** A supervisor other than the requester turned the request down; the participant is unchanged. */
    record ParticipantDeactivationRejected(UUID participantId, String nikHash, UUID requestId, String reason,
                                           String rejectedBy) implements FourEyes {
    }

    /** A reversal asked for (reason and evidence); approved it becomes {@link ParticipantDeactivationReversed}. */
    record ParticipantDeactivationReversalRequested(UUID participantId, String nikHash, UUID requestId, String reason,
                                                    String requestedBy) implements FourEyes {
    }

    record ParticipantDeactivationReversalRejected(UUID participantId, String nikHash, UUID requestId, String reason,
                                                   String rejectedBy) implements FourEyes {
    }

    /**
     * A data correction. Personal values (name, birth date, NIK) are not in the event: oldValue/newValue are
     * null for NAME and BIRTH_DATE, the old and new nikHash for NIK; plain values for FACILITY_CODE. The full
     * values stay in this service's data_correction row {@code correctionId}.
     */
    record ParticipantDataCorrected(UUID participantId, String nikHash, String nikLast4, CorrectedField field,
                                    String oldValue, String newValue, String source, UUID correctionId) implements ParticipantEvent {
    }
}
