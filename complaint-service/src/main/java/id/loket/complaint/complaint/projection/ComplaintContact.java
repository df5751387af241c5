package id.loket.complaint.complaint.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * How to reach the reporter: personal data, kept only in this service's database and never in an event.
 * Written with the registration in its transaction; not a projection, so a rebuild leaves it alone.
 */
@Entity
@Table(name = "complaint_contact")
public class ComplaintContact extends PanacheEntityBase {
    @Id
    public UUID complaintId;
    public String name;
    public String phone;
    public String email;

    @Override
    public String toString() {
        return "ComplaintContact[" + complaintId + "]"; // no personal data in a log line
    }
}
