package id.loket.queue.stats.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.stats.service.DayStats;
import id.loket.queue.stats.service.DayStatsService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The day's figures of a branch, from the ticket and screening read models. */
@Path("/branches/{code}/stats")
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final DayStatsService stats;

    StatsResource(DayStatsService stats) {
        this.stats = stats;
    }

    /** {@code date} defaults to today in the branch's zone. */
    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
    public DayStats stats(@Branch @PathParam("code") String code, @QueryParam("date") String date) {
        return stats.stats(code, date);
    }
}
