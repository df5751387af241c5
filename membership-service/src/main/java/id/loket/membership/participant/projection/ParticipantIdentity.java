package id.loket.membership.participant.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The participant's personal data, kept only in this service's database and never in an event. Written by
 * the registration in its transaction; not a projection, so a rebuild leaves it alone.
 */
@Entity
@Table(name = "participant_identity")
public class ParticipantIdentity extends PanacheEntityBase {
    @Id
    public UUID participantId;
    public String nik;
    public String name;
    public LocalDate birthDate;
    public String familyCardNumber;
    public Long monthlyWage;

    @Override
    public String toString() {
        return "ParticipantIdentity[" + participantId + "]"; // never the NIK or the name in a log line
    }
}
