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

/** complaint-service: the SOP categories, the digital channels, complaints. */
@RegisterRestClient(configKey = "complaint")
@RegisterProvider(PersonsToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ComplaintApi {

    @GET
    @Path("/complaint-categories")
    List<Complaints.Category> categories();

    @GET
    @Path("/digital-channels")
    List<String> digitalChannels();

    @POST
    @Path("/complaints")
    Complaints.Complaint register(@HeaderParam("Idempotency-Key") String key, Complaints.Register body);

    @POST
    @Path("/complaints/{id}/documents")
    Complaints.Complaint addDocument(@PathParam("id") UUID id, Complaints.AddDocument body);

    /** The branch's open complaints overdue or due soon, most urgent first (complaint-service reckons the SLA). */
    @GET
    @Path("/branches/{code}/complaints/attention")
    Complaints.Attention attention(@PathParam("code") String code, @QueryParam("size") Integer size);

    @GET
    @Path("/complaints")
    Complaints.Page complaints(@QueryParam("branch") String branch, @QueryParam("overdue") Boolean overdue,
                               @QueryParam("status") String status, @QueryParam("size") Integer size);
}
