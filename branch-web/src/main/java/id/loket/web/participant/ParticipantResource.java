package id.loket.web.participant;

import id.loket.web.Who;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The counter's participant panel and complaint form (membership-service and complaint-service). */
@Path("/loket/{counterId}/peserta")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Who.FRONTLINER, Who.SUPERVISOR})
public class ParticipantResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(String counterId);
    }

    @GET
    public TemplateInstance panel(@PathParam("counterId") String counterId) {
        return Templates.panel(counterId);
    }
}
