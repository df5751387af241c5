package id.loket.queue.branch.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/** A counter (loket): the service types it serves and who staffs it (null = closed; its session's events decide). */
@Entity
@Table(name = "counter")
public class Counter extends PanacheEntityBase {
    @Id
    public String id;
    public String branchCode;
    public String name;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> serviceTypes;
    /** From the counter's session (counter_session, projected from its CounterOpened / CounterClosed); read-only here. */
    @Formula("(SELECT s.staffed_by FROM counter_session s WHERE s.counter_id = id)")
    public String staffedBy;
    /** Priority tickets called in a row here (the starvation cap is per counter). */
    public int priorityRun;

    public boolean isOpen() {
        return staffedBy != null;
    }

    public static List<Counter> ofBranch(String branch) {
        return list("branchCode = ?1 order by id", branch);
    }
}
