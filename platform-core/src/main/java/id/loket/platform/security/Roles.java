package id.loket.platform.security;

/**
 * The roles of the role matrix (ARCHITECTURE.md, "Security"), as realm roles in the token's
 * {@code realm_access.roles}. Constants, so {@code @RolesAllowed} names them without typos.
 */
public final class Roles {

    /** At the door: screenings and ticket issue. */
    public static final String SECURITY_OFFICER = "SECURITY_OFFICER";
    /** At a counter: counter actions, participant search and read, complaints, deactivation requests. */
    public static final String FRONTLINER = "FRONTLINER";
    /** A frontliner's rights plus approvals, reversals, reports and counter set-up. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** Reports and aggregated statistics only: no participant data. National when the token has no branch. */
    public static final String ANALYST = "ANALYST";
    /** Branches, service types, counters, tariffs, holiday calendars. National when the token has no branch. */
    public static final String ADMIN = "ADMIN";
    /** The kiosk client (client credentials): ticket issue from the kiosk only. */
    public static final String KIOSK = "KIOSK";

    private Roles() {
    }
}
