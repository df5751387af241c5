package id.loket.membership.arrears.rest;

import id.loket.membership.arrears.service.ArrearsService;
import id.loket.membership.audit.service.ParticipantAccessLog;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** What a participant's account owes to be active, and the inpatient penalty if they were admitted now. */
@Path("/participants/{id}/arrears")
@Produces(MediaType.APPLICATION_JSON)
public class ArrearsResource {

    private final ArrearsService arrears;
    private final ParticipantAccessLog audit;

    ArrearsResource(ArrearsService arrears, ParticipantAccessLog audit) {
        this.arrears = arrears;
        this.audit = audit;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR, Roles.SECURITY_OFFICER})
    @GET
    public ArrearsService.Arrears arrears(@PathParam("id") UUID id, @QueryParam("inaCbgTariff") String inaCbgTariff,
                                          @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = audit.purposeAtTheDoor(purpose);
        Long tariff = null;
        if (inaCbgTariff != null) {
            try {
                tariff = Long.parseLong(inaCbgTariff);
            } catch (NumberFormatException e) {
                throw new InvalidField("inaCbgTariff", "must be a whole number of rupiah");
            }
        }
        ArrearsService.Arrears answer = arrears.arrears(id, tariff);
        audit.record("GET /participants/{id}/arrears", why, List.of(id));
        return answer;
    }
}
