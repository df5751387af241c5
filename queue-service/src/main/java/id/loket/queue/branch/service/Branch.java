package id.loket.queue.branch.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.ZoneId;

/** A branch office (kantor cabang) in its own time zone: business days and local times follow it. */
@Entity
@Table(name = "branch")
public class Branch extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String zoneId;
    /** CLOSE: tickets still waiting at closing time are closed as end of day; CARRY_OVER keeps them. */
    public String endOfDayPolicy;

    public ZoneId zone() {
        return ZoneId.of(zoneId);
    }
}
