package id.loket.complaint.complaint.domain;

/** OPEN (both clocks may run), PAUSED (the resolution clock waits on the participant), RESOLVED. */
public enum ComplaintStatus {
    OPEN, PAUSED, RESOLVED
}
