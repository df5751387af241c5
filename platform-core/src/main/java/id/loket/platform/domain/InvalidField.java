package id.loket.platform.domain;

/** A value that passed the shape checks but breaks a domain rule (e.g. a NIK whose birth date does not exist): 400 naming the field. */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
