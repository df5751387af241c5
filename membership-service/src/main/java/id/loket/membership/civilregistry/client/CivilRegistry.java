package id.loket.membership.civilregistry.client;

import java.time.LocalDate;
import java.util.Optional;

/** The civil registry (Dukcapil): an outside system, behind this port. */
public interface CivilRegistry {

    record Person(String nik, String name, LocalDate birthDate) {
        @Override
        public String toString() {
            return "Person[***]"; // personal data: never in a log line
        }
    }

    /** The registry's record of a NIK, empty when it has none. @throws CivilRegistryUnavailable when down or slow */
    Optional<Person> lookup(String nik);

    class CivilRegistryUnavailable extends RuntimeException {
        public CivilRegistryUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
