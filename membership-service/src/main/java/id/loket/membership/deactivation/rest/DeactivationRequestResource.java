package id.loket.membership.deactivation.rest;

import id.loket.membership.audit.service.ParticipantAccessLog;
import id.loket.membership.deactivation.service.DeactivationRequests;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Set;

/**
 * The supervisors' work list of deactivation and reversal requests (pending by default, oldest first). It shows
 * the documents' numbers, so it is a read of those participants' data: audited, with a stated purpose.
 */
@Path("/deactivation-requests")
@Produces(MediaType.APPLICATION_JSON)
public class DeactivationRequestResource {

    static final int LIMIT = 200;
    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "REJECTED");

    private final DeactivationRequests requests;
    private final ParticipantAccessLog audit;

    DeactivationRequestResource(DeactivationRequests requests, ParticipantAccessLog audit) {
        this.requests = requests;
        this.audit = audit;
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @GET
    public List<DeactivationRequests.RequestView> list(@QueryParam("status") String statusParam,
                                                @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = ParticipantAccessLog.purpose(purpose);
        String wanted = statusParam == null ? "PENDING" : statusParam;
        if (!STATUSES.contains(wanted)) throw new InvalidField("status", "must be one of PENDING, APPROVED, REJECTED");
        List<DeactivationRequests.RequestView> found = requests.inStatus(wanted, LIMIT);
        audit.record("GET /deactivation-requests", why, found.stream().map(DeactivationRequests.RequestView::participantId).distinct().toList());
        return found;
    }
}
