package id.loket.platform.branchcheck;

import id.loket.platform.domain.NotFound;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchLookup;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The three places a branch comes from for {@link BranchScoped}: a path parameter, the body, a looked-up record. */
@Path("/branch-checks")
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
public class BranchCheckResource {

    /** The records of this test app: a desk of a branch (a fixed set, as a counter's set-up would be). */
    static final Map<String, String> DESKS = Map.of("SDA-1", "SDA", "SBY-1", "SBY");

    public record Note(@NotBlank @Size(max = 10) String branch, @NotBlank @Size(max = 50) String text) implements InBranch {
    }

    @ApplicationScoped
    public static class DeskBranch implements BranchLookup {
        @Override
        public String branchOf(Object desk) {
            String branch = DESKS.get(desk.toString());
            if (branch == null) throw new NotFound("no desk " + desk);
            return branch;
        }
    }

    /** How many notes the method body took: a refused request never reaches it. */
    public static final AtomicInteger NOTES_TAKEN = new AtomicInteger();

    @GET
    @Path("/branches/{code}")
    @BranchScoped
    public String branch(@Branch @PathParam("code") String code) {
        return code;
    }

    /** Transactional, as a write is: the check runs before the transaction and the body. */
    @POST
    @Path("/notes")
    @BranchScoped
    @Transactional
    public String note(@Branch @Valid @NotNull Note note) {
        NOTES_TAKEN.incrementAndGet();
        return note.text();
    }

    @GET
    @Path("/desks/{desk}")
    @BranchScoped
    public String desk(@Branch(lookup = DeskBranch.class) @PathParam("desk") String desk) {
        return DESKS.get(desk);
    }
}
