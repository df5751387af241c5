package id.loket.platform.tally;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Read model of a tally (a Panache entity, as services keep theirs). */
@Entity
@Table(name = "tally_view")
public class TallyView extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public long total;
    public long version;
    public Instant updatedAt;
}
