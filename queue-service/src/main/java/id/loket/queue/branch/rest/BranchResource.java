package id.loket.queue.branch.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.branch.domain.ServiceHours;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.ServiceHoursDay;
import id.loket.queue.branch.service.ServiceType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * Admin: branches, their service types and counters (service hours and holidays: {@link ServiceHoursResource},
 * {@link HolidayResource}). Changes are ADMIN's (counters also the branch's SUPERVISOR), reads every staff role's;
 * all on the user's own branch (a national admin or analyst: every branch).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BranchResource {

    public record CreateBranch(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String code,
                               @NotBlank @Size(max = 100) String name,
                               @NotBlank String zoneId,
                               EndOfDayPolicy endOfDayPolicy,
                               List<ServiceHoursResource.HoursEntry> serviceHours) implements InBranch {
        /** The branch the request acts on is the one it creates: an admin of one branch creates no other. */
        @Override
        public String branch() {
            return code;
        }
    }

    /** waitTargetMinutes: how long a visitor of this type should wait at most; 15 when left out. */
    public record CreateServiceType(@NotBlank @Pattern(regexp = "[A-Z0-9]{1,5}") String code,
                                    @NotBlank @Pattern(regexp = "[A-Z]{1,3}") String prefix,
                                    @NotBlank @Size(max = 100) String name,
                                    @Min(1) @Max(480) Integer waitTargetMinutes) {
    }

    /** The code and prefix of a service type do not change (ticket numbers carry the prefix). */
    public record ChangeServiceType(@NotBlank @Size(max = 100) String name,
                                    @NotNull @Min(1) @Max(480) Integer waitTargetMinutes) {
    }

    public record CreateCounter(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,30}") String id,
                                @NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ChangeCounter(@NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ServiceTypeBody(String code, String prefix, String name, int waitTargetMinutes) {
        static ServiceTypeBody of(ServiceType t) {
            return new ServiceTypeBody(t.key.code(), t.prefix, t.name, t.waitTargetMinutes);
        }
    }

    public record CounterBody(String id, String branch, String name, List<String> serviceTypes, boolean open,
                              String staffedBy) {
        public static CounterBody of(Counter c) {
            return new CounterBody(c.id, c.branchCode, c.name, c.serviceTypes, c.isOpen(), c.staffedBy);
        }
    }

    /** serviceHours: one entry per open weekday; empty = open at any time. */
    public record BranchBody(String code, String name, String zoneId, String endOfDayPolicy,
                             List<ServiceHoursResource.DayHours> serviceHours, List<ServiceTypeBody> serviceTypes, List<CounterBody> counters) {
        static BranchBody of(id.loket.queue.branch.service.Branch b) { // the entity; @Branch is the check's marker
            return new BranchBody(b.code, b.name, b.zoneId, b.endOfDayPolicy, ServiceHoursResource.weekDays(ServiceHoursDay.ofBranch(b.code)),
                    ServiceType.ofBranch(b.code).stream().map(ServiceTypeBody::of).toList(),
                    Counter.ofBranch(b.code).stream().map(CounterBody::of).toList());
        }
    }

    private final BranchSetup setup;
    private final CurrentActor actor;

    BranchResource(BranchSetup setup, CurrentActor actor) {
        this.setup = setup;
        this.actor = actor;
    }

    @POST
    @Path("branches")
    @RolesAllowed(Roles.ADMIN)
    @BranchScoped
    public Response createBranch(@Branch @Valid @NotNull CreateBranch body) {
        ServiceHours hours = body.serviceHours() == null ? null : ServiceHoursResource.hours("serviceHours", body.serviceHours());
        var b = setup.createBranch(body.code(), body.name(), body.zoneId(), body.endOfDayPolicy(), hours);
        return Response.created(URI.create("/branches/" + b.code)).entity(BranchBody.of(b)).build();
    }

    @GET
    @Path("branches")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<BranchBody> branches() {
        // a list, not one branch's record: a branch's user sees their own branch, a national admin or analyst all
        return setup.branches().stream().filter(b -> actor.mayActOn(b.code)).map(BranchBody::of).toList();
    }

    @GET
    @Path("branches/{code}")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @BranchScoped
    public BranchBody branch(@Branch @PathParam("code") String code) {
        return BranchBody.of(setup.branch(code));
    }

    @POST
    @Path("branches/{code}/service-types")
    @RolesAllowed(Roles.ADMIN)
    @BranchScoped
    public Response addServiceType(@Branch @PathParam("code") String code, @Valid @NotNull CreateServiceType body) {
        ServiceType t = setup.addServiceType(code, body.code(), body.prefix(), body.name(), body.waitTargetMinutes());
        return Response.status(201).entity(ServiceTypeBody.of(t)).build();
    }

    @PUT
    @Path("branches/{code}/service-types/{type}")
    @RolesAllowed(Roles.ADMIN)
    @BranchScoped
    public ServiceTypeBody changeServiceType(@Branch @PathParam("code") String code, @PathParam("type") String type,
                                             @Valid @NotNull ChangeServiceType body) {
        return ServiceTypeBody.of(setup.changeServiceType(code, type, body.name(), body.waitTargetMinutes()));
    }

    @GET
    @Path("branches/{code}/service-types")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    @BranchScoped
    public List<ServiceTypeBody> serviceTypes(@Branch @PathParam("code") String code) {
        setup.branch(code);
        return ServiceType.ofBranch(code).stream().map(ServiceTypeBody::of).toList();
    }

    @POST
    @Path("branches/{code}/counters")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @BranchScoped
    public Response addCounter(@Branch @PathParam("code") String code, @Valid @NotNull CreateCounter body) {
        Counter c = setup.addCounter(code, body.id(), body.name(), body.serviceTypes());
        return Response.created(URI.create("/counters/" + c.id)).entity(CounterBody.of(c)).build();
    }

    @GET
    @Path("branches/{code}/counters")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    @BranchScoped
    public List<CounterBody> counters(@Branch @PathParam("code") String code) {
        setup.branch(code);
        return Counter.ofBranch(code).stream().map(CounterBody::of).toList();
    }
}
