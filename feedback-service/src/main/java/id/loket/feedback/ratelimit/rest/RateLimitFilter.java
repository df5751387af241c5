package id.loket.feedback.ratelimit.rest;

import id.loket.feedback.ratelimit.service.ClientRateLimiter;
import id.loket.feedback.config.FeedbackConfig;
import id.loket.platform.http.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The public survey routes answer 429 problem+json with {@code Retry-After} to a client address over its
 * limit ({@code loket.feedback.rate-limit.*}). The address is the connection's peer: a client-supplied
 * X-Forwarded-For is not believed unless {@code quarkus.http.proxy.proxy-address-forwarding} is on (then
 * Quarkus puts the forwarded address here), because anyone could otherwise send a new one with every request.
 */
public class RateLimitFilter {

    private final ClientRateLimiter limiter;

    RateLimitFilter(FeedbackConfig config) {
        this.limiter = new ClientRateLimiter(config.rateLimit().requestsPerMinute(), config.rateLimit().maxClients(),
                System::nanoTime);
    }

    @ServerRequestFilter
    @RateLimited
    public Response limit(HttpServerRequest request) {
        SocketAddress peer = request.remoteAddress();
        ClientRateLimiter.Decision d = limiter.acquire(ClientRateLimiter.clientOf(peer == null ? null : peer.hostAddress()));
        if (d.allowed()) return null;
        return Response.fromResponse(Problem.response(429, "too-many-requests", "Too Many Requests",
                        "too many requests from this address; try again in " + d.retryAfterSeconds() + " s", null))
                .header("Retry-After", d.retryAfterSeconds())
                .build();
    }
}
