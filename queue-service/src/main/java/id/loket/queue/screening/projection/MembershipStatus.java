package id.loket.queue.screening.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** queue-service's own copy of a participant's membership status, from membership's events. */
@Entity
@Table(name = "membership_status")
public class MembershipStatus extends PanacheEntityBase {
    @Id
    public UUID participantId;
    public String nikHash;
    public String nikLast4;
    public String cardNumber;
    public String status;
    public int monthsInArrears;
    /** Rupiah in arrears when suspended, as membership published it; null when its event did not say. */
    public Long arrearsAmount;
    public LocalDate effectiveFrom;
    public String reason;

    public static Optional<MembershipStatus> byNikHash(String nikHash) {
        return find("nikHash", nikHash).firstResultOptional();
    }

    public static Optional<MembershipStatus> byCardNumber(String cardNumber) {
        return find("cardNumber", cardNumber).firstResultOptional();
    }
}
