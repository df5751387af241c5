package id.loket.membership.participant.rest;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.membership.participant.service.ParticipantImport;
import id.loket.platform.domain.InvalidField;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Bulk import of existing participants: NDJSON (one JSON object a line) or CSV with a header line. The body is
 * read as a stream while it arrives (an InputStream parameter: Quarkus REST does not buffer it) and the answer
 * comes once the whole file is through.
 */
@Path("/participants/import")
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String CSV = "text/csv";
    static final int MAX_ERRORS_LIMIT = 10_000;

    private final ParticipantImport imports;

    ImportResource(ParticipantImport imports) {
        this.imports = imports;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.WILDCARD) // the type is checked below, after the role check (a 415 must not come before a 401/403)
    @Produces(MediaType.APPLICATION_JSON)
    public ParticipantImport.Report importParticipants(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                                       @QueryParam("maxErrors") @DefaultValue("100") String maxErrorsParam,
                                                       InputStream body) {
        int maxErrors;
        try {
            maxErrors = Integer.parseInt(maxErrorsParam);
        } catch (NumberFormatException e) {
            maxErrors = -1;
        }
        if (maxErrors < 0 || maxErrors > MAX_ERRORS_LIMIT) {
            throw new InvalidField("maxErrors", "must be between 0 and " + MAX_ERRORS_LIMIT);
        }
        if (contentType == null || contentType.isBlank()) {
            throw new InvalidField("Content-Type", "required: " + NDJSON + " or " + CSV);
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("Content-Type", "not a media type: " + e.getMessage());
        }
        if (!type.isCompatible(MediaType.valueOf(CSV)) && !type.isCompatible(MediaType.valueOf(NDJSON))) {
            throw new jakarta.ws.rs.NotSupportedException("Content-Type must be " + NDJSON + " or " + CSV);
        }
        ParticipantImport.Format format = type.isCompatible(MediaType.valueOf(CSV)) ? ParticipantImport.Format.CSV : ParticipantImport.Format.NDJSON;
        return imports.run(new InputStreamReader(body, charset(type)), format, maxErrors);
    }

    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) return StandardCharsets.UTF_8;
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidField("Content-Type", "unknown charset " + name);
        }
    }
}
