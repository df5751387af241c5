package id.loket.queue.branch.service;

import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.HolidayKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** A day a branch is closed, whatever its service hours say (set-up data, like the hours). */
@Entity
@Table(name = "branch_holiday")
public class Holiday extends PanacheEntityBase {

    @Embeddable
    public record Key(String branchCode, @Column(name = "holiday_date") LocalDate date) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String name;
    @Enumerated(EnumType.STRING)
    public HolidayKind kind;
    /** When the day was first declared closed (a later change of name or kind keeps it). */
    public Instant declaredAt;

    public ClosedDay closedDay() {
        return new ClosedDay(key.date(), name, kind, declaredAt);
    }
}
