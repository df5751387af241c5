package id.loket.feedback.survey.rest;

import id.loket.feedback.ratelimit.rest.RateLimited;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The participant's survey page: one static HTML file (plain JavaScript reads the token from the path and
 * talks to /surveys/{token}). Serving it records nothing, and the page never sends its URL on as a referrer.
 * Public, limited per client address.
 */
@Path("/survey/{token}")
@PermitAll
@RateLimited
public class SurveyPageResource {

    private static final String PAGE = load();

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("token") String token) {
        return Response.ok(PAGE, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    private static String load() {
        try (InputStream in = SurveyPageResource.class.getResourceAsStream("/web/survey.html")) {
            if (in == null) throw new IllegalStateException("web/survey.html is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
