package id.loket.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service's problem+json answer, with the extra members some carry: a busy counter's ticket (409 counter-busy),
 * a closed branch's next opening and holiday (409 branch-closed).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemBody(String type, String title, int status, String detail, String correlationId,
                          List<FieldError> errors,
                          UUID ticketId, String ticketNumber, String ticketState,
                          Instant opensAt, String opensAtLocal, Holiday holiday) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Holiday(String date, String name, String kind) {
    }

    public static ProblemBody of(int status, String detail) {
        return new ProblemBody(null, null, status, detail, null, List.of(), null, null, null, null, null, null);
    }

    /** The slug after the platform's type base, e.g. {@code counter-busy}; "" when none. */
    public String slug() {
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    /** The message for one field, or null: shown beside that field. */
    public String errorFor(String field) {
        if (errors == null) return null;
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst().orElse(null);
    }

    public List<FieldError> errorList() {
        return errors == null ? List.of() : errors;
    }
}
