package id.loket.queue.floor.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.floor.service.Floor;
import id.loket.queue.floor.service.FloorService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The supervisor's view of the branch floor: waits against targets, the counters, the alerts. */
@Path("/branches/{code}/floor")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    private final FloorService floors;

    FloorResource(FloorService floors) {
        this.floors = floors;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Floor floor(@Branch @PathParam("code") String code) {
        return floors.floor(code);
    }
}
