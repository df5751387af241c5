package id.loket.platform.domain;

/**
 * Someone else changed the thing at the same time (the event store's stale version, for one): a 409 asking to
 * read again, never a lost update. In this database-free module so that the problem mappers can name it.
 */
public class ConcurrentUpdate extends RuntimeException {

    public ConcurrentUpdate(String message) {
        super(message);
    }
}
