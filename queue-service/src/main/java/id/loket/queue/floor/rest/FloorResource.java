package id.loket.queue.floor.rest;

import id.loket.queue.floor.service.Floor;
import id.loket.queue.floor.service.FloorService;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The supervisor's view of the branch floor: waits against targets, the counters, the alerts. */
@Path("/branches/{code}/floor")
@Produces(MediaType.APPLICATION_JSON)
public class FloorResource {

    private final FloorService floors;
    private final CurrentActor actor;

    FloorResource(FloorService floors, CurrentActor actor) {
        this.floors = floors;
        this.actor = actor;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public Floor floor(@PathParam("code") String code) {
        actor.requireBranch(code);
        return floors.floor(code);
    }
}
