package id.loket.platform.eventstore;

/** What the writer believes the stream's current version is; the store refuses the append otherwise. */
public sealed interface ExpectedVersion {

    /** The stream must not exist yet ("exactly once by construction" for deterministic stream ids). */
    record NoStream() implements ExpectedVersion {}

    /** The stream must be exactly at this version (0 = does not exist). */
    record Exactly(long version) implements ExpectedVersion {
        public Exactly {
            if (version < 0) throw new IllegalArgumentException("version must be >= 0");
        }
    }

    /** Append after whatever is there; still safe against a concurrent writer (the unique key decides). */
    record Any() implements ExpectedVersion {}

    static ExpectedVersion noStream() { return new NoStream(); }

    static ExpectedVersion exactly(long version) { return version == 0 ? new NoStream() : new Exactly(version); }

    static ExpectedVersion any() { return new Any(); }
}
