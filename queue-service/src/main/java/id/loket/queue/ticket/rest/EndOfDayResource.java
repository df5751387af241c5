package id.loket.queue.ticket.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.ticket.service.EndOfDay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Closing time: applies the branch's end-of-day policy to the tickets still in the queue. */
@Path("/branches/{code}/end-of-day")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
public class EndOfDayResource {

    private final EndOfDay endOfDay;

    EndOfDayResource(EndOfDay endOfDay) {
        this.endOfDay = endOfDay;
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    public EndOfDay.Result run(@Branch @PathParam("code") String code) {
        return endOfDay.run(code);
    }
}
