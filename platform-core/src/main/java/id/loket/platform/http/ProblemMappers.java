package id.loket.platform.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.loket.platform.domain.ConcurrentUpdate;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.infrastructure.Failures;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json}: 400 for malformed or invalid input (naming the field),
 * 404 for an unknown resource, 409 for a conflict with the current state, never a 500 for bad input.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return response(400, "invalid-input", "Invalid input", detail, errors);
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidField e) {
        return response(400, "invalid-input", "Invalid input", e.field() + ": " + e.getMessage(),
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e) {
        return malformedJson(e);
    }

    // Quarkus REST has a built-in mapper for this subtype; ours must match it exactly to take its place.
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return response(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConcurrentUpdate e) {
        return response(409, "concurrent-update", "Conflict",
                "someone else changed this at the same time; read it again and retry", null);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e) {
        return response(409, "conflict", "Conflict", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response idempotencyMismatch(IdempotencyKeyReusedException e) {
        return response(422, "idempotency-key-reused", "Idempotency-Key reused", e.getMessage(),
                List.of(new Problem.FieldError("Idempotency-Key", e.getMessage())));
    }

    /** No token, or one that does not verify (expired, wrong issuer or signature): sign in first. */
    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class,
            io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(response(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required", null))
                .header("WWW-Authenticate", "Bearer").build();
    }

    /** Signed in, but the route is not open to the user's roles. */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return response(403, "forbidden", "Forbidden", "your role may not do this", null);
    }

    /** Signed in with the right role, but for another branch. */
    @ServerExceptionMapper
    public Response otherBranch(id.loket.platform.security.BranchForbidden e) {
        return response(403, "forbidden-branch", "Forbidden", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) return malformedJson(json);
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return response(status, "server-error", "Server error", "the request could not be completed", null);
        }
        Response.Status s = Response.Status.fromStatusCode(status);
        String title = s != null ? s.getReasonPhrase() : "Error";
        return response(status, title.toLowerCase().replace(' ', '-'), title, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return unexpectedFailure(e);
    }

    /** Any failure no mapper names: a 503 when the database is out of reach, else a 500 that is logged. */
    public static Response unexpectedFailure(Exception e) {
        if (Failures.isInfrastructure(e)) return unavailable(e);
        LOG.error("unexpected failure", e);
        return response(500, "server-error", "Server error", "the request could not be completed", null);
    }

    /**
     * The database is unreachable: nothing was written (the transaction did not commit), so the client may
     * safely try again; a 503 with Retry-After says so, where a 500 would say "bug".
     */
    private static Response unavailable(Exception e) {
        LOG.warnf("service unavailable: %s", e.toString());
        return Response.fromResponse(response(503, "unavailable", "Service unavailable",
                "the database cannot be reached; nothing was recorded, try again shortly", null))
                .header("Retry-After", "5").build();
    }

    private Response malformedJson(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : null;
        String message;
        if (e instanceof JsonParseException) {
            message = "the body is not valid JSON";
            field = null;
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field";
            field = path(u.getPath());
        } else if (e instanceof InvalidFormatException f && f.getTargetType() == String.class) {
            message = "text must not contain control characters"; // see StrictText
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read '" + f.getValue() + "' as " + describe(f.getTargetType());
        } else {
            message = "malformed value";
        }
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? null : List.of(new Problem.FieldError(field, message));
        return response(400, "malformed-request", "Malformed request",
                field == null || field.isEmpty() ? message : field + ": " + message, errors);
    }

    private static String describe(Class<?> type) {
        if (type == null) return "the expected type";
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) names.add(c.toString());
            return "one of " + String.join(", ", names);
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant";
            case "Integer", "int", "Long", "long" -> "a whole number";
            default -> type.getSimpleName();
        };
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "register.request.nik" → "nik"; a query or path parameter keeps its own name. */
    static String field(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) continue;
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // a node's index says where it sits in the container named by the node before it: hours[1].days
            if (node.isInIterable() && !parts.isEmpty()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.set(parts.size() - 1, parts.getLast() + "[" + (at == null ? "" : at) + "]");
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) continue; // named "<list element>"
            String name = node.getName();
            if (name == null) continue;
            parts.add(name);
        }
        if (parts.isEmpty()) return parameter != null ? parameter : "body";
        return String.join(".", parts);
    }

    private static Response response(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        return Problem.response(status, type, title, detail, errors);
    }
}
