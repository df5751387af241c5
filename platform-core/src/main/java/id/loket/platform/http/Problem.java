package id.loket.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.loket.platform.events.MetadataContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** RFC 9457 problem details, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String correlationId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://loket.id/problems/";

    public record FieldError(String field, String message) {
    }

    /**
     * An error answer in the shape every Loket service uses, with the request's correlation id. For a
     * service's own mapper of a status the platform does not map (410 for an expired link, 503 for an
     * outside system that is down).
     *
     * @param type a short slug, e.g. {@code survey-expired}
     */
    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        String correlationId = null;
        try {
            correlationId = MetadataContext.current().correlationId();
        } catch (RuntimeException ignored) {
            // no request context: the problem goes out without it
        }
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPE_BASE + type, title, status, detail, correlationId, errors))
                .build();
    }
}
