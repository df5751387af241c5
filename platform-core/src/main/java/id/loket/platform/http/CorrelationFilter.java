package id.loket.platform.http;

import id.loket.platform.events.MetadataContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Correlation-Id}: taken from the request (or generated), echoed in the response, put into the
 * metadata of every event the request appends (and from there into Kafka headers) and into the log's MDC.
 */
public class CorrelationFilter {

    public static final String HEADER = "X-Correlation-Id";
    // An id from outside is echoed into headers and logs: accept only a plain token.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final MetadataContext metadata;

    CorrelationFilter(MetadataContext metadata) {
        this.metadata = metadata;
    }

    @ServerRequestFilter(preMatching = true)
    public void onRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (id == null || !SAFE.matcher(id).matches()) id = UUID.randomUUID().toString();
        metadata.correlationId(id);
        MDC.put("correlationId", id);
    }

    @ServerResponseFilter
    public void onResponse(ContainerResponseContext response) {
        String id = metadata.correlationId();
        if (id != null) response.getHeaders().putSingle(HEADER, id);
    }
}
