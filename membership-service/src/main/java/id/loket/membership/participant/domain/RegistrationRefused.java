package id.loket.membership.participant.domain;

import id.loket.platform.domain.RuleViolation;

/** A registration another participant stands in the way of (the NIK, the card number, the family's head): 409, naming the field. */
public class RegistrationRefused extends RuleViolation {

    private final String field;

    public RegistrationRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
