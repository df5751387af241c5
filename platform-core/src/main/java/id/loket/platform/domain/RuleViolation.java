package id.loket.platform.domain;

/**
 * A command that the current state does not allow (a wrong transition, a duplicate): answered 409.
 * Plain Java, so domain code can throw it without knowing about HTTP.
 */
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) {
        super(message);
    }
}
