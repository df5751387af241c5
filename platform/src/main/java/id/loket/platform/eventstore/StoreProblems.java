package id.loket.platform.eventstore;

import id.loket.platform.http.Problem;
import id.loket.platform.http.ProblemMappers;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * The database's answers as problems, beside the database-free {@link ProblemMappers}: a unique key that refused
 * a write which raced past the service's own checks is still a conflict, not a 500.
 */
public class StoreProblems {

    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return uniqueViolationOrServerError(e);
    }

    @ServerExceptionMapper
    public Response store(EventStoreException e) {
        return uniqueViolationOrServerError(e);
    }

    private Response uniqueViolationOrServerError(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return Problem.response(409, "conflict", "Conflict", "this already exists", null);
            }
        }
        return ProblemMappers.unexpectedFailure(e);
    }
}
