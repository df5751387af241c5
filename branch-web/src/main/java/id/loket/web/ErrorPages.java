package id.loket.web;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What every page answers when a role or branch does not open it, or a service refuses or does not answer. */
public class ErrorPages {

    /**
     * A page or action the person's role or branch does not open, here or at a service: a 403 page, no data.
     * Before platform-core's problem+json mapper of the same exception: these are pages, not an API.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return forbiddenPage(headers);
    }

    /** What a page did not catch itself: a 403 as above, another 4xx as the service's own words. */
    @ServerExceptionMapper
    public Response refused(ServiceRefused e, HttpHeaders headers) {
        if (e.status() == 403 || e.status() == 401) return forbiddenPage(headers);
        return Response.status(e.status()).type(MediaType.TEXT_HTML)
                .entity(Pages.Templates.problem(e.service().label(), e.status(), e.problem().detail())).build();
    }

    /** A service that did not answer: its name; the banner says what still works. */
    @ServerExceptionMapper
    public Response down(ServiceDown e) {
        return Response.status(503).type(MediaType.TEXT_HTML)
                .entity(Pages.Templates.problem(e.service().label(), 503, "—")).build();
    }

    static Response forbiddenPage(HttpHeaders headers) {
        if ("true".equals(headers.getHeaderString("HX-Request"))) {
            // an htmx action: the whole working area becomes the 403 card
            return Response.status(403).type(MediaType.TEXT_HTML).header("HX-Retarget", "#main")
                    .header("HX-Reswap", "innerHTML").entity(Pages.Templates.forbiddencard()).build();
        }
        return Response.status(403).type(MediaType.TEXT_HTML).entity(Pages.Templates.forbidden()).build();
    }
}
