package id.loket.platform.projection;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Ops endpoint: rebuild a read model from the event store without stopping the service. */
@Path("/admin/projections")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionResource {

    private final ProjectionRebuilder rebuilder;

    ProjectionResource(ProjectionRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @POST
    @Path("/{name}/rebuild")
    public ProjectionRebuilder.Report rebuild(@PathParam("name") String name) {
        return rebuilder.rebuild(name);
    }
}
