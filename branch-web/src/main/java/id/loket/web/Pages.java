package id.loket.web;

import id.loket.platform.security.Roles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The landing page (each role to its page), the banners, the signed-out page; the error pages' templates. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance landing();

        static native TemplateInstance banners();

        static native TemplateInstance forbidden();

        static native TemplateInstance signedout();

        static native TemplateInstance forbiddencard();

        static native TemplateInstance problem(String service, int status, String detail);
    }

    private final Who who;

    Pages(Who who) {
        this.who = who;
    }

    /** After sign-in: the security officer to the door, a frontliner to the counters, the supervisor to the floor. */
    @GET
    @Authenticated
    public Object landing() {
        String page = who.has(Roles.SUPERVISOR) ? "/supervisor"
                : who.has(Roles.FRONTLINER) ? "/loket"
                : who.has(Roles.SECURITY_OFFICER) ? "/pintu" : null;
        if (page == null) return Templates.landing();
        return Response.seeOther(URI.create(page)).build();
    }

    @GET
    @Path("banners")
    @Authenticated
    public TemplateInstance banners() {
        return Templates.banners();
    }

    @GET
    @Path("sampai-jumpa")
    @PermitAll
    public TemplateInstance signedOut() {
        return Templates.signedout();
    }
}
