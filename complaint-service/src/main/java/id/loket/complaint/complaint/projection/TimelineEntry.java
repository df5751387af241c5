package id.loket.complaint.complaint.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a complaint's timeline: the event's type, when it happened, and its payload. */
@Entity
@Table(name = "complaint_timeline")
@IdClass(TimelineEntry.Key.class)
public class TimelineEntry extends PanacheEntityBase {
    @Id
    public String streamId;
    @Id
    public long version;
    public UUID complaintId;
    public Instant at;
    public String type;
    public String detail;

    public record Key(String streamId, long version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    public static List<TimelineEntry> of(UUID complaintId) {
        return list("complaintId = ?1 ORDER BY at, streamId, version", complaintId);
    }
}
