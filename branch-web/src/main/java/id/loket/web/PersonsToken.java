package id.loket.web;

import id.loket.platform.events.MetadataContext;
import id.loket.platform.http.CorrelationFilter;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call to a service carries the signed-in person's own access token, so the services keep doing every role and
 * branch check themselves, and their audit and events name the person. (The supervisor's stream, which outlives the request,
 */
@ApplicationScoped
public class PersonsToken implements ClientRequestFilter {

    /** A client call may name the token itself (the supervisor's stream, outside any request). */
    public static final ThreadLocal<String> EXPLICIT = new ThreadLocal<>();

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    MetadataContext metadata;

    @Override
    public void filter(ClientRequestContext request) {
        String token = EXPLICIT.get();
        if (token == null) token = currentToken();
        if (token != null) request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        String correlationId = correlationId();
        if (correlationId != null) request.getHeaders().putSingle(CorrelationFilter.HEADER, correlationId);
    }

    /** The page request's correlation id (platform-core's CorrelationFilter), so the services' logs and events share it. */
    private String correlationId() {
        try {
            return metadata.correlationId();
        } catch (RuntimeException e) {
            return null; // no request
        }
    }

    /** The access token of the person signed in on this request, or null. */
    public String currentToken() {
        try {
            SecurityIdentity identity = identities.getIdentity();
            if (identity == null || identity.isAnonymous()) return null;
            AccessTokenCredential c = identity.getCredential(AccessTokenCredential.class);
            return c == null ? null : c.getToken();
        } catch (RuntimeException e) {
            return null; // no request (a stream's tick): the caller sets EXPLICIT
        }
    }
}
