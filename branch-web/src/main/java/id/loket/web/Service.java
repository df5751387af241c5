package id.loket.web;

/** The four services branch-web calls, by the name people see in a banner. */
public enum Service {
    QUEUE("queue-service"), MEMBERSHIP("membership-service"), COMPLAINT("complaint-service"), FEEDBACK("feedback-service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
