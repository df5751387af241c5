package id.loket.platform.eventstore;

import id.loket.platform.domain.ConcurrentUpdate;

/** The stream moved on since the writer read it (or exists when it should not): a 409, never a lost update. */
public class WrongExpectedVersionException extends ConcurrentUpdate {

    private final String streamId;

    public WrongExpectedVersionException(String streamId, ExpectedVersion expected) {
        super("stream " + streamId + " is not at the expected version (" + describe(expected) + ")");
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }

    private static String describe(ExpectedVersion expected) {
        return switch (expected) {
            case ExpectedVersion.NoStream n -> "no stream";
            case ExpectedVersion.Exactly e -> "version " + e.version();
            case ExpectedVersion.Any a -> "any";
        };
    }
}
