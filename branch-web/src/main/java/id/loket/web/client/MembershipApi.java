package id.loket.web.client;

import id.loket.web.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** membership-service. Every read of a participant states its purpose (X-Purpose: visit:&lt;visitId&gt;), audited there. */
@RegisterRestClient(configKey = "membership")
@RegisterProvider(PersonsToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MembershipApi {

    String PURPOSE = "X-Purpose";

    @POST
    @Path("/participants/search")
    Membership.Participant search(@HeaderParam(PURPOSE) String purpose, Membership.Search body);

    @GET
    @Path("/participants/{id}")
    Membership.Participant participant(@HeaderParam(PURPOSE) String purpose, @PathParam("id") UUID id);

    @GET
    @Path("/participants/{id}/arrears")
    Membership.Arrears arrears(@HeaderParam(PURPOSE) String purpose, @PathParam("id") UUID id);

    /** The same with the penalty quote for a stay of that INA-CBG tariff (membership-service reckons it). */
    @GET
    @Path("/participants/{id}/arrears")
    Membership.Arrears arrears(@HeaderParam(PURPOSE) String purpose, @PathParam("id") UUID id,
                               @QueryParam("inaCbgTariff") Long inaCbgTariff);

    @GET
    @Path("/participants/{id}/history")
    List<Membership.HistoryEntry> history(@HeaderParam(PURPOSE) String purpose, @PathParam("id") UUID id);

    @POST
    @Path("/payments")
    Membership.Paid pay(Membership.Payment body);

    @POST
    @Path("/accounts/{accountId}/instalment-plans")
    Membership.Plan openPlan(@PathParam("accountId") String accountId, Membership.OpenPlan body);

    @GET
    @Path("/accounts/{accountId}/instalment-plans")
    List<Membership.Plan> plans(@PathParam("accountId") String accountId);

    @POST
    @Path("/participants/{id}/deactivations")
    Membership.RequestAnswer requestDeactivation(@PathParam("id") UUID id, Membership.Deactivation body);

    @POST
    @Path("/participants/{id}/corrections")
    String correct(@PathParam("id") UUID id, Membership.Correction body);

    @GET
    @Path("/deactivation-requests")
    List<Membership.Request> requests(@HeaderParam(PURPOSE) String purpose, @QueryParam("status") String status);

    @POST
    @Path("/participants/{id}/deactivation-requests/{requestId}/approve")
    String approveDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId);

    @POST
    @Path("/participants/{id}/deactivation-requests/{requestId}/reject")
    String rejectDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId, Membership.Reject body);

    @POST
    @Path("/participants/{id}/deactivation-reversal-requests/{requestId}/approve")
    String approveReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId);

    @POST
    @Path("/participants/{id}/deactivation-reversal-requests/{requestId}/reject")
    String rejectReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId, Membership.Reject body);
}
