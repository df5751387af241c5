package id.loket.membership.family.rest;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.membership.audit.service.ParticipantAccessLog;
import id.loket.membership.contribution.domain.Ledger;
import id.loket.membership.contribution.service.Ledgers;
import id.loket.membership.participant.rest.ParticipantResource.ParticipantBody;
import id.loket.membership.participant.rest.ParticipantResource.RegisterParticipant;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.idempotency.IdempotentCommands;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Families (one KK). The family card number is personal data: it travels in request bodies only; URLs carry
 * the family id, the keyed hash of the number (the {@code familyCardHash} of the events).
 */
@Path("/families")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FamilyResource {

    public record FindFamily(@NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String familyCardNumber) {
        @Override
        public String toString() {
            return "FindFamily[***]";
        }
    }

    public record BillBody(String accountId, YearMonth month, long billed, long open) {
    }

    public record FamilyBody(String familyId, List<ParticipantBody> members, List<BillBody> bills, long credit) {
    }

    private final ParticipantService participants;
    private final Ledgers ledgers;
    private final IdempotentCommands idempotent;
    private final ParticipantAccessLog audit;

    FamilyResource(ParticipantService participants, Ledgers ledgers, IdempotentCommands idempotent, ParticipantAccessLog audit) {
        this.audit = audit;
        this.participants = participants;
        this.ledgers = ledgers;
        this.idempotent = idempotent;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/members")
    public Response addMember(@HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull RegisterParticipant body) {
        return idempotent.run(key, "POST /families/members", body, () -> {
            ParticipantBody created = ParticipantBody.of(participants.addFamilyMember(body.toRegistration()));
            return Response.created(URI.create("/participants/" + created.id())).entity(created).build();
        });
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/search")
    public FamilyBody search(@HeaderParam(ParticipantAccessLog.HEADER) String purpose, @Valid @NotNull FindFamily body) {
        String why = ParticipantAccessLog.purpose(purpose);
        FamilyBody family = read(participants.familyIdOf(body.familyCardNumber()));
        audit.record("POST /families/search", why, family.members().stream().map(ParticipantBody::id).toList());
        return family;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @GET
    @Path("/{familyId}")
    public FamilyBody get(@PathParam("familyId") String familyId, @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = ParticipantAccessLog.purpose(purpose);
        FamilyBody family = read(familyId);
        audit.record("GET /families/{familyId}", why, family.members().stream().map(ParticipantBody::id).toList());
        return family;
    }

    private FamilyBody read(String familyId) {
        List<ParticipantBody> members = participants.family(familyId).stream().map(ParticipantBody::of).toList();
        List<BillBody> bills = new ArrayList<>();
        long credit = 0;
        // The family's own account (PBPU/BP); members paid by an employer or the government show under theirs.
        for (String account : members.stream().map(ParticipantBody::accountId).filter(a -> a != null).distinct().toList()) {
            if (!account.startsWith("family-")) continue;
            Ledger ledger = ledgers.ledger(account);
            ledger.billed().forEach((month, amount) -> bills.add(new BillBody(account, month, amount, ledger.open(month))));
            credit += ledger.credit();
        }
        return new FamilyBody(familyId, members, bills, credit);
    }
}
