package id.loket.queue.branch.domain;

import java.time.ZonedDateTime;

/**
 * A ticket asked for outside the branch's service hours or on one of its holidays: answered 409 "branch closed"
 * with the next opening (and the holiday, if it is one).
 */
public class BranchClosed extends RuntimeException {

    private final String branch;
    private final ZonedDateTime opensAt;
    private final ClosedDay holiday;

    /** holiday: the day's holiday, or null when the branch is closed by its hours. */
    public BranchClosed(String branch, ServiceHours hours, ClosedDay holiday, ZonedDateTime now, ZonedDateTime opensAt) {
        super("branch " + branch + " is closed "
                + (holiday != null ? "on " + now.toLocalDate() + " for " + holiday.describe()
                : "at " + now.toLocalDate() + " " + now.toLocalTime().withSecond(0).withNano(0) + " " + now.getZone().getId()
                  + " (service hours " + hours.describe() + ")")
                + "; it opens next on " + opensAt.getDayOfWeek() + " " + opensAt.toLocalDate() + " at " + opensAt.toLocalTime());
        this.branch = branch;
        this.opensAt = opensAt;
        this.holiday = holiday;
    }

    /** The holiday the branch is closed for, or null. */
    public ClosedDay holiday() {
        return holiday;
    }

    public String branch() {
        return branch;
    }

    /** In the branch's zone. */
    public ZonedDateTime opensAt() {
        return opensAt;
    }
}
