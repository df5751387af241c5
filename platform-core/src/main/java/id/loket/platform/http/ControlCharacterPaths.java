package id.loket.platform.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Optional;

/**
 * A path holding a control character (a {@code %00} in an id) names nothing any service has: a 404 before
 * any code runs. PostgreSQL refuses a NUL in a query, so such an id would otherwise reach the database and
 * come back as a 500, route by route.
 */
public class ControlCharacterPaths {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuse(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (path.chars().noneMatch(Character::isISOControl)) return Optional.empty();
        return Optional.of(Problem.response(404, "not-found", "Not Found", "no such resource", null));
    }
}
