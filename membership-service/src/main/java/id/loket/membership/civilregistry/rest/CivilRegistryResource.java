package id.loket.membership.civilregistry.rest;

import id.loket.membership.civilregistry.client.CivilRegistry;
import id.loket.membership.civilregistry.service.CivilRegistrySync;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.platform.http.Problem;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

@Path("/participants/{id}/civil-registry-sync")
@Produces(MediaType.APPLICATION_JSON)
public class CivilRegistryResource {

    private final CivilRegistrySync sync;

    CivilRegistryResource(CivilRegistrySync sync) {
        this.sync = sync;
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    public CivilRegistrySync.SyncResult sync(@PathParam("id") UUID id) {
        return sync.sync(id);
    }

    /** The registry down or too slow: 503, so the counter can tell the participant to come back. */
    @ServerExceptionMapper
    public Response unavailable(CivilRegistry.CivilRegistryUnavailable e) {
        return Problem.response(503, "civil-registry-unavailable", "Civil registry unavailable", e.getMessage(), null);
    }
}
