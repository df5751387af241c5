package id.loket.queue.branch.service;

import id.loket.queue.branch.domain.ServiceHours;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One weekday's service hours of a branch (weekday 1 = Monday … 7 = Sunday, as ISO-8601 counts). */
@Entity
@Table(name = "service_hours")
public class ServiceHoursDay extends PanacheEntityBase {

    @Embeddable
    public record Key(String branchCode, int weekday) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public LocalTime opens;
    public LocalTime closes;

    public static ServiceHours ofBranch(String branch) {
        List<ServiceHoursDay> rows = list("key.branchCode", branch);
        Map<DayOfWeek, ServiceHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        for (ServiceHoursDay r : rows) days.put(DayOfWeek.of(r.key.weekday()), new ServiceHours.Hours(r.opens, r.closes));
        return new ServiceHours(days);
    }
}
