package id.loket.queue.branch;

import java.time.ZonedDateTime;

/** A ticket asked for outside the branch's service hours: answered 409 "branch closed" with the next opening. */
public class BranchClosed extends RuntimeException {

    private final String branch;
    private final ZonedDateTime opensAt;

    public BranchClosed(String branch, ServiceHours hours, ZonedDateTime now, ZonedDateTime opensAt) {
        super("branch " + branch + " is closed at " + now.toLocalDate() + " " + now.toLocalTime().withSecond(0).withNano(0)
                + " " + now.getZone().getId() + " (service hours " + hours.describe() + "); it opens next on "
                + opensAt.getDayOfWeek() + " " + opensAt.toLocalDate() + " at " + opensAt.toLocalTime());
        this.branch = branch;
        this.opensAt = opensAt;
    }

    public String branch() {
        return branch;
    }

    /** In the branch's zone. */
    public ZonedDateTime opensAt() {
        return opensAt;
    }
}
