package id.loket.platform.infrastructure;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells an infrastructure failure (database or broker unreachable: retry, the request or message is fine) from a
 * deterministic one. Consumers retry the first and dead-letter the second; HTTP answers the first with 503.
 */
public final class Failures {

    // SQLState classes: 08 connection, 53 insufficient resources, 57 operator intervention (shutdown),
    // 58 system error; serialization failures, deadlocks and lock timeouts are worth retrying too.
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53", "57", "58");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private Failures() {
    }

    public static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no state: the pool's acquisition timeout, a closed connection
                return state == null || TRANSIENT_STATES.contains(state)
                        || TRANSIENT_CLASSES.contains(state.substring(0, Math.min(2, state.length())));
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof jakarta.transaction.RollbackException
                    || t instanceof jakarta.transaction.SystemException) {
                return true;
            }
        }
        return false;
    }
}
