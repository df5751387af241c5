package id.loket.platform.http;

/** The same Idempotency-Key came back with a different request: 422. */
public class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String message) {
        super(message);
    }
}
