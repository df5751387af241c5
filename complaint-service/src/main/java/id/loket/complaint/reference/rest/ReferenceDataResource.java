package id.loket.complaint.reference.rest;

import id.loket.complaint.reference.service.ReferenceData;
import id.loket.complaint.reference.domain.Category;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The reference data a front-end needs to offer choices: SOP categories and the digital channels. */
@Path("/")
@RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN}) // every staff role
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceDataResource {

    private final ReferenceData reference;

    ReferenceDataResource(ReferenceData reference) {
        this.reference = reference;
    }

    @GET
    @Path("complaint-categories")
    public List<Category> categories() {
        return reference.categories();
    }

    @GET
    @Path("digital-channels")
    public List<String> digitalChannels() {
        return reference.digitalChannels();
    }
}
