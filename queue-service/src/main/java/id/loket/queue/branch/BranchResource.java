package id.loket.queue.branch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Admin: branches, their service types and counters. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BranchResource {

    public record CreateBranch(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String code,
                               @NotBlank @Size(max = 100) String name,
                               @NotBlank String zoneId,
                               BranchSetup.EndOfDayPolicy endOfDayPolicy) {
    }

    public record CreateServiceType(@NotBlank @Pattern(regexp = "[A-Z0-9]{1,5}") String code,
                                    @NotBlank @Pattern(regexp = "[A-Z]{1,3}") String prefix,
                                    @NotBlank @Size(max = 100) String name) {
    }

    public record CreateCounter(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,30}") String id,
                                @NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ChangeCounter(@NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ServiceTypeBody(String code, String prefix, String name) {
        static ServiceTypeBody of(ServiceType t) {
            return new ServiceTypeBody(t.key.code(), t.prefix, t.name);
        }
    }

    public record CounterBody(String id, String branch, String name, List<String> serviceTypes, boolean open,
                              String staffedBy) {
        public static CounterBody of(Counter c) {
            return new CounterBody(c.id, c.branchCode, c.name, c.serviceTypes, c.isOpen(), c.staffedBy);
        }
    }

    public record BranchBody(String code, String name, String zoneId, String endOfDayPolicy,
                             List<ServiceTypeBody> serviceTypes, List<CounterBody> counters) {
        static BranchBody of(Branch b) {
            return new BranchBody(b.code, b.name, b.zoneId, b.endOfDayPolicy,
                    ServiceType.ofBranch(b.code).stream().map(ServiceTypeBody::of).toList(),
                    Counter.ofBranch(b.code).stream().map(CounterBody::of).toList());
        }
    }

    private final BranchSetup setup;

    BranchResource(BranchSetup setup) {
        this.setup = setup;
    }

    @POST
    @Path("branches")
    public Response createBranch(@Valid @NotNull CreateBranch body) {
        Branch b = setup.createBranch(body.code(), body.name(), body.zoneId(), body.endOfDayPolicy());
        return Response.created(URI.create("/branches/" + b.code)).entity(BranchBody.of(b)).build();
    }

    @GET
    @Path("branches")
    public List<BranchBody> branches() {
        return Branch.<Branch>listAll().stream().map(BranchBody::of).toList();
    }

    @GET
    @Path("branches/{code}")
    public BranchBody branch(@PathParam("code") String code) {
        return BranchBody.of(setup.branch(code));
    }

    @POST
    @Path("branches/{code}/service-types")
    public Response addServiceType(@PathParam("code") String code, @Valid @NotNull CreateServiceType body) {
        ServiceType t = setup.addServiceType(code, body.code(), body.prefix(), body.name());
        return Response.status(201).entity(ServiceTypeBody.of(t)).build();
    }

    @GET
    @Path("branches/{code}/service-types")
    public List<ServiceTypeBody> serviceTypes(@PathParam("code") String code) {
        setup.branch(code);
        return ServiceType.ofBranch(code).stream().map(ServiceTypeBody::of).toList();
    }

    @POST
    @Path("branches/{code}/counters")
    public Response addCounter(@PathParam("code") String code, @Valid @NotNull CreateCounter body) {
        Counter c = setup.addCounter(code, body.id(), body.name(), body.serviceTypes());
        return Response.created(URI.create("/counters/" + c.id)).entity(CounterBody.of(c)).build();
    }

    @GET
    @Path("branches/{code}/counters")
    public List<CounterBody> counters(@PathParam("code") String code) {
        setup.branch(code);
        return Counter.ofBranch(code).stream().map(CounterBody::of).toList();
    }
}
