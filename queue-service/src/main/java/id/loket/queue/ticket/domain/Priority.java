package id.loket.queue.ticket.domain;

/** Priority visitors (DOMAIN.md) are called before others of the same service type. */
public enum Priority {
    NONE, ELDERLY, DISABLED, PREGNANT;

    public boolean isPriority() {
        return this != NONE;
    }
}
