package id.loket.membership.participant.domain;

import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What happens to a participant, as published on {@code loket.membership.events}. No event carries the NIK,
 * the name or the family card number: other services match people by {@code nikHash} (ARCHITECTURE.md, Privacy).
 */
public sealed interface ParticipantEvent {

    UUID participantId();

    record ParticipantRegistered(
            UUID participantId,
            String cardNumber,
            String nikHash,
            String nikLast4,
            String familyCardHash,
            Nik.Sex sex,
            Segment segment,
            CareClass careClass,
            LocalDate registrationDate) implements ParticipantEvent {
    }
}
