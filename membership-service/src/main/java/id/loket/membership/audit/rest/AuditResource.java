package id.loket.membership.audit.rest;

import id.loket.membership.audit.service.ParticipantAccessLog;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** For a supervisor: who read a participant's data, when and why (newest first, paged). */
@Path("/audit/participants/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final ParticipantAccessLog log;

    AuditResource(ParticipantAccessLog log) {
        this.log = log;
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @GET
    public ParticipantAccessLog.Page accesses(@PathParam("id") UUID id, @QueryParam("page") String page, @QueryParam("size") String size) {
        return log.accesses(id, number(page, "page", 0), number(size, "size", 50));
    }

    private static int number(String value, String field, int otherwise) {
        if (value == null) return otherwise;
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidField(field, "must be a whole number");
        }
    }
}
