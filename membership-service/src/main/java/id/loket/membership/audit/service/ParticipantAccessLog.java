package id.loket.membership.audit.service;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Roles;
import id.loket.platform.eventstore.EventStoreException;
import id.loket.platform.security.CurrentActor;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who read one participant's data, when, and for what (docs/security.md): every audited read states its purpose
 * in the {@value #HEADER} header and is written here before its answer leaves. One INSERT per read (one row per
 * participant read), committed on its own before the data is returned: no answer without its audit row, and a
 * database that cannot take the row fails the read (503) rather than letting it through unrecorded.
 */
@ApplicationScoped
public class ParticipantAccessLog {

    /** The stated purpose of a read: the visit or complaint it serves, e.g. {@code visit:<visitId>}. */
    public static final String HEADER = "X-Purpose";
    /**
     * What the read serves: a visit or a complaint (by its id or reference), the door's screening (before a visit
     * exists), or a supervisor's review of deactivation requests. A reference is 1-100 printable ASCII characters.
     */
    static final Pattern PURPOSE = Pattern.compile("(visit|complaint):[!-~]{1,100}|screening|deactivation-review");
    static final int MAX_PAGE_SIZE = 200;

    private final AgroalDataSource dataSource;
    private final CurrentActor actor;

    ParticipantAccessLog(AgroalDataSource dataSource, CurrentActor actor) {
        this.dataSource = dataSource;
        this.actor = actor;
    }

    /**
     * The purpose a person gives for reading participant data; required (400 naming the header) so that no read
     * goes unexplained. Checked before the read, so a refused request reads nothing.
     */
    public static String purpose(String header) {
        if (header == null || header.isBlank()) {
            throw new InvalidField(HEADER, "is required: the visit or complaint this read serves, e.g. visit:<visitId>, "
                    + "complaint:<reference> or screening");
        }
        String p = header.strip();
        if (!PURPOSE.matcher(p).matches()) {
            throw new InvalidField(HEADER, "must be visit:<visitId>, complaint:<reference> (at most 100 printable characters, "
                    + "no spaces), screening or deactivation-review");
        }
        return p;
    }

    /**
     * The stated purpose of a read that the officer at the door may make too: they read for the screening only
     * (status and arrears, and the search answer without name or birth date).
     */
    public String purposeAtTheDoor(String header) {
        String why = purpose(header);
        if (atTheDoor() && !"screening".equals(why)) {
            throw new InvalidField(HEADER, "the security officer reads participant data for the door's screening only: screening");
        }
        return why;
    }

    /** A security officer who holds none of the counter's roles. */
    public boolean atTheDoor() {
        return actor.hasRole(Roles.SECURITY_OFFICER) && !actor.hasRole(Roles.FRONTLINER) && !actor.hasRole(Roles.SUPERVISOR);
    }

    /** Records that the signed-in person read these participants' data through {@code route} for {@code purpose}. */
    public void record(String route, String purpose, Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) return;
        String who = actor.subject().orElseThrow(() -> new IllegalStateException("an audited read without a signed-in user"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO participant_access (actor, participant_id, purpose, route) SELECT ?, unnest(?::uuid[]), ?, ?")) {
            ps.setString(1, who);
            ps.setArray(2, c.createArrayOf("uuid", participantIds.toArray()));
            ps.setString(3, purpose);
            ps.setString(4, route);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new EventStoreException("could not record the read of participant data", e);
        }
    }

    public record Access(Instant at, String actor, String purpose, String route) {
    }

    public record Page(UUID participantId, int page, int size, boolean more, List<Access> accesses) {
    }

    /** Who looked at a participant, newest first, {@code size} a page. */
    public Page accesses(UUID participantId, int page, int size) {
        if (page < 0) throw new InvalidField("page", "must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw new InvalidField("size", "must be between 1 and " + MAX_PAGE_SIZE);
        List<Access> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT accessed_at, actor, purpose, route FROM participant_access WHERE participant_id = ?
                 ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?""")) {
            ps.setObject(1, participantId);
            ps.setInt(2, size + 1);
            ps.setLong(3, (long) page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Access(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getString(2),
                            rs.getString(3), rs.getString(4)));
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("could not read the access log", e);
        }
        boolean more = rows.size() > size;
        return new Page(participantId, page, size, more, more ? rows.subList(0, size) : rows);
    }
}
