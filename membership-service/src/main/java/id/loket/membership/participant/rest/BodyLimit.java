package id.loket.membership.participant.rest;

import id.loket.platform.http.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import id.loket.membership.config.MembershipConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;

/**
 * The server's body limit is raised to 4G for the bulk import alone (application.properties); Quarkus 3.33 has one
 * limit for the whole server, not one per route. Every other route refuses a body whose Content-Length is above
 * {@code membership.http.max-body-size} (Quarkus' own default, 10M) with a 413, before any of it is read or the
 * caller is authenticated. A chunked body (no Content-Length) is not caught here: it is still read up to the 4G.
 */
public class BodyLimit {

    static final String IMPORT = "/participants/import";

    private final MemorySize max;

    BodyLimit(MembershipConfig config) {
        this.max = config.http().maxBodySize();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || isImport(request)) return Optional.empty();
        long bytes;
        try {
            bytes = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP layer answers a malformed length itself
        }
        if (bytes <= max.asLongValue()) return Optional.empty();
        return Optional.of(Problem.response(413, "payload-too-large", "Content Too Large",
                "a body of " + bytes + " bytes; this route takes at most " + max.asLongValue(),
                List.of(new Problem.FieldError("Content-Length", "must be at most " + max.asLongValue()
                        + " (only POST " + IMPORT + " takes larger bodies)"))));
    }

    private static boolean isImport(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod())) return false;
        String path = request.getUriInfo().getPath(true);
        return path.equals(IMPORT) || path.equals(IMPORT + "/");
    }
}
