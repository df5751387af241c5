package id.loket.membership.participant.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Read model of a participant, projected from the events (no NIK, no name: see ParticipantIdentity). */
@Entity
@Table(name = "participant_view")
public class ParticipantView extends PanacheEntityBase {
    @Id
    public UUID participantId;
    public String cardNumber;
    public String nikHash;
    public String nikLast4;
    public String familyCardHash;
    public String sex;
    public String segment;
    public String careClass;
    public LocalDate registrationDate;
    public String status;
    public String statusReason;
    public LocalDate statusSince;
    public String statusBeforeDeactivation;
    public LocalDate deactivatedOn;
    public String relation;
    public String accountId;
    public String employerId;
    public String facilityCode;
    public long version;
    public Instant updatedAt;

    public static Optional<ParticipantView> byCardNumber(String cardNumber) {
        return find("cardNumber", cardNumber).firstResultOptional();
    }

    public static java.util.List<ParticipantView> family(String familyCardHash) {
        return list("familyCardHash = ?1 order by registrationDate, participantId", familyCardHash);
    }

    public static java.util.List<ParticipantView> onAccount(String accountId) {
        return list("accountId = ?1 order by participantId", accountId);
    }

    public static Optional<ParticipantView> byNikHash(String nikHash) {
        return find("nikHash", nikHash).firstResultOptional();
    }
}
