package id.loket.platform.domain;

/** The thing asked for does not exist: answered 404. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
