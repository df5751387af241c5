package id.loket.queue.screening.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * membership-service's search by NIK or card number (the NIK in a body, never a URL); URL and timeouts in
 * quarkus.rest-client.membership.*. The officer's own bearer token goes along (the incoming Authorization header,
 * propagated per org.eclipse.microprofile.rest.client.propagateHeaders): membership verifies it and audits the
 * look-up as that person's, not as queue-service's.
 */
@RegisterRestClient(configKey = "membership")
@RegisterClientHeaders
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MembershipClient {

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Search(String nik, String cardNumber) {
        @Override
        public String toString() {
            return "Search[***]";
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Participant(String id, String cardNumber, String nikLast4, String status) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Arrears(java.util.List<Object> months, Long arrearsTotal) {
    }

    /** membership-service audits every read of a participant with its purpose: this one is the door's screening. */
    @POST
    @Path("/search")
    @ClientHeaderParam(name = "X-Purpose", value = "screening")
    Participant search(Search body);

    /** A suspended visitor's arrears (months and rupiah), read for the door's screening. */
    @GET
    @Path("/{id}/arrears")
    @ClientHeaderParam(name = "X-Purpose", value = "screening")
    Arrears arrears(@PathParam("id") String participantId);
}
