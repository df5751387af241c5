package id.loket.platform.eventstore;

/** The database could not be reached or refused a statement: an infrastructure failure, not bad input. */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
