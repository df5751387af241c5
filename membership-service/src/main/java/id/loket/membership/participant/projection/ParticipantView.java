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
    public long version;
    public Instant updatedAt;

    public static Optional<ParticipantView> byNikHash(String nikHash) {
        return find("nikHash", nikHash).firstResultOptional();
    }
}
