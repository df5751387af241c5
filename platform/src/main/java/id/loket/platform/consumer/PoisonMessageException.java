package id.loket.platform.consumer;

/**
 * A message that can never be processed (unparseable, fails validation): it goes to the consumer's
 * dead-letter topic with the reason in its headers, and the partition goes on.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
