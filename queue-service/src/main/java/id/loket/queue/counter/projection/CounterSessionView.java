package id.loket.queue.counter.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** Read model of a counter's session (CounterSessionProjection writes it); no row: never opened. */
@Entity
@Table(name = "counter_session")
public class CounterSessionView extends PanacheEntityBase {
    @Id
    public String counterId;
    public String branch;
    public String staffedBy;
    public String openedBy;
    public Instant openedAt;
    /** When the counter last changed what it does (opened, closed, called, started, ended a ticket). */
    public Instant activitySince;
    public long version;

    public static List<CounterSessionView> ofBranch(String branch) {
        return list("branch", branch);
    }
}
