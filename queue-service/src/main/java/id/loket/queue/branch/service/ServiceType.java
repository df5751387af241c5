package id.loket.queue.branch.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A service type of a branch (e.g. A administration), with the prefix its ticket numbers carry and its wait target. */
@Entity
@Table(name = "service_type")
public class ServiceType extends PanacheEntityBase {

    @Embeddable
    public record Key(String branchCode, String code) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public String prefix;
    public String name;
    /** How long a visitor of this type should wait at most, in minutes (branch set-up; figures measure against it). */
    public int waitTargetMinutes;

    public static final int DEFAULT_WAIT_TARGET_MINUTES = 15;

    public long waitTargetSeconds() {
        return waitTargetMinutes * 60L;
    }

    public static Optional<ServiceType> of(String branch, String code) {
        return findByIdOptional(new Key(branch, code));
    }

    public static List<ServiceType> ofBranch(String branch) {
        return list("key.branchCode = ?1 order by key.code", branch);
    }
}
