package id.loket.complaint.complaint.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Read model of a complaint, projected from its events (the reporter's contact is not here: see ComplaintContact). */
@Entity
@Table(name = "complaint_view")
public class ComplaintView extends PanacheEntityBase {
    @Id
    public UUID complaintId;
    public String reference;
    public String branch;
    public String category;
    public String serviceLevel;
    public String channel;
    public String status;
    public UUID participantId;
    public String visitId;
    public String counterId;
    public UUID surveyId;
    public UUID relatedComplaintId;
    public String description;
    /** Comma-separated; an entry "A|B" is met by either. */
    public String requiredDocuments;
    /** Comma-separated document types received. */
    public String documentsReceived;
    public boolean documentsVerified;
    public Instant registeredAt;
    public LocalDate businessDate;
    public Instant firstResponseDueAt;
    public Instant respondedAt;
    public Instant resolutionDueAt;
    public Instant pausedAt;
    public Instant resolvedAt;
    public Boolean resolvedWithinSla;
    /** Comma-separated units, in the order escalated to. */
    public String escalatedTo;
    public int reopenCount;
    public boolean responseBreached;
    public boolean resolutionBreached;
    public long version;
    public Instant updatedAt;

    public static Optional<ComplaintView> byReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }
}
