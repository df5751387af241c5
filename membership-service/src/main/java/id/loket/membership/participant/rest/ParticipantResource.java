package id.loket.membership.participant.rest;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.membership.audit.ParticipantAccessLog;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.SelfApproval;
import id.loket.platform.http.Problem;
import id.loket.platform.security.CurrentActor;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import id.loket.membership.participant.domain.DeactivationReason;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.membership.participant.service.ParticipantService.ParticipantDetails;
import id.loket.membership.status.StatusService;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.idempotency.IdempotentCommands;
import id.loket.platform.jkn.Nik;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Participants for the counter front-end. A NIK travels only in request bodies, never in a URL. */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    public record RegisterParticipant(
            @NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String nik,
            @NotBlank @Size(max = 100) String name,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull Nik.Sex sex,
            @NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String familyCardNumber,
            @NotNull Segment segment,
            CareClass careClass,
            Relation relation,
            @Positive Long monthlyWage,
            @Pattern(regexp = "[A-Za-z0-9-]{1,40}", message = "must be 1-40 letters, digits or dashes") String employerId,
            @Pattern(regexp = "[0-9A-Z]{8}", message = "must be an 8-character facility code") String facilityCode,
            LocalDate registrationDate) {

        public ParticipantService.Registration toRegistration() {
            return new ParticipantService.Registration(nik, name, birthDate, sex, familyCardNumber, segment, careClass,
                    relation, monthlyWage, employerId, facilityCode, registrationDate);
        }

        @Override
        public String toString() {
            return "RegisterParticipant[segment=" + segment + "]"; // no personal data in logs
        }
    }

    /** Exactly one of the two. */
    public record Search(@Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String nik,
                         @Pattern(regexp = "\\d{13}", message = "must be exactly 13 digits") String cardNumber) {
        @Override
        public String toString() {
            return "Search[***]";
        }
    }

    public record ParticipantBody(UUID id, String cardNumber, String name, String nikLast4, LocalDate birthDate,
                                  String sex, String segment, String careClass, LocalDate registrationDate,
                                  String relation, String accountId, String employerId, String facilityCode,
                                  String familyId, String status, String statusReason, LocalDate statusSince, long version) {

        /** What the door may see: status and identifiers, never the name or the birth date. */
        ParticipantBody forTheDoor() {
            return new ParticipantBody(id, cardNumber, null, nikLast4, null, sex, segment, careClass, registrationDate,
                    relation, accountId, employerId, facilityCode, familyId, status, statusReason, statusSince, version);
        }

        public static ParticipantBody of(ParticipantDetails d) {
            var v = d.view();
            var i = d.identity();
            return new ParticipantBody(v.participantId, v.cardNumber, i == null ? null : i.name, v.nikLast4,
                    i == null ? null : i.birthDate, v.sex, v.segment, v.careClass, v.registrationDate, v.relation,
                    v.accountId, v.employerId, v.facilityCode, v.familyCardHash, v.status, v.statusReason, v.statusSince, v.version);
        }
    }

    public record DeactivationRequest(@NotNull DeactivationReason reason, LocalDate dateOfDeath, LocalDate effectiveFrom,
                                      @NotNull List<@Valid @NotNull DocumentBody> documents,
                                      @Size(max = 60) String complaintReference) {
    }

    public record DocumentBody(@NotNull DeactivationReason.DocumentType type, @NotBlank @Size(max = 60) String number) {
    }

    public record CorrectionRequest(@NotNull id.loket.membership.participant.domain.CorrectedField field,
                                    @NotBlank @Size(max = 200) String newValue,
                                    @NotBlank @Pattern(regexp = "COUNTER|CIVIL_REGISTRY", message = "must be COUNTER or CIVIL_REGISTRY") String source,
                                    @NotBlank @Size(max = 500) String evidence) {
        @Override
        public String toString() {
            return "CorrectionRequest[" + field + "]";
        }
    }

    public record ReversalRequest(@NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 500) String evidence) {
    }

    public record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private final ParticipantService participants;
    private final StatusService status;
    private final IdempotentCommands idempotent;

    private final id.loket.membership.participant.service.CorrectionService corrections;
    private final ParticipantAccessLog audit;
    private final CurrentActor actor;

    ParticipantResource(ParticipantService participants, StatusService status, IdempotentCommands idempotent,
                        id.loket.membership.participant.service.CorrectionService corrections, ParticipantAccessLog audit,
                        CurrentActor actor) {
        this.corrections = corrections;
        this.audit = audit;
        this.actor = actor;
        this.participants = participants;
        this.status = status;
        this.idempotent = idempotent;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    public Response register(@HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull RegisterParticipant body) {
        return idempotent.run(key, "POST /participants", body, () -> {
            ParticipantBody created = ParticipantBody.of(participants.register(body.toRegistration()));
            return Response.created(URI.create("/participants/" + created.id())).entity(created).build();
        });
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @GET
    @Path("/{id}")
    public ParticipantBody get(@PathParam("id") UUID id, @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = ParticipantAccessLog.purpose(purpose);
        ParticipantBody body = ParticipantBody.of(participants.get(id));
        audit.record("GET /participants/{id}", why, List.of(id));
        return body;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR, Roles.SECURITY_OFFICER})
    @POST
    @Path("/search")
    public ParticipantBody search(@HeaderParam(ParticipantAccessLog.HEADER) String purpose, @Valid @NotNull Search body) {
        String why = purpose(purpose);
        if ((body.nik() == null) == (body.cardNumber() == null)) {
            throw new InvalidField(body.nik() == null ? "nik" : "cardNumber", "give either nik or cardNumber, not both or neither");
        }
        ParticipantBody found = ParticipantBody.of(body.nik() != null ? participants.findByNik(body.nik()) : participants.findByCardNumber(body.cardNumber()));
        audit.record("POST /participants/search", why, List.of(found.id()));
        return atTheDoor() ? found.forTheDoor() : found;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR, Roles.SECURITY_OFFICER})
    @GET
    @Path("/{id}/status")
    public StatusService.StatusAnswer status(@PathParam("id") UUID id, @QueryParam("asOf") String asOf,
                                             @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = purpose(purpose);
        StatusService.StatusAnswer answer = status.statusAsOf(id, asOf == null ? status.today() : date(asOf, "asOf"));
        audit.record("GET /participants/{id}/status", why, List.of(id));
        return answer;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR, Roles.SECURITY_OFFICER})
    @GET
    @Path("/{id}/arrears")
    public StatusService.Arrears arrears(@PathParam("id") UUID id, @QueryParam("inaCbgTariff") String inaCbgTariff,
                                         @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = purpose(purpose);
        Long tariff = null;
        if (inaCbgTariff != null) {
            try {
                tariff = Long.parseLong(inaCbgTariff);
            } catch (NumberFormatException e) {
                throw new InvalidField("inaCbgTariff", "must be a whole number of rupiah");
            }
        }
        StatusService.Arrears arrears = status.arrears(id, tariff);
        audit.record("GET /participants/{id}/arrears", why, List.of(id));
        return arrears;
    }

    /** A request: a supervisor other than the requester approves or rejects it (four eyes). 202 with the request id. */
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/{id}/deactivations")
    public Response requestDeactivation(@PathParam("id") UUID id, @Valid @NotNull DeactivationRequest body) {
        StatusService.RequestAnswer requested = status.requestDeactivation(id, new StatusService.Deactivation(body.reason(),
                body.dateOfDeath(), body.effectiveFrom(),
                body.documents().stream().map(d -> new StatusService.Document(d.type(), d.number())).toList(),
                body.complaintReference()), requester());
        return Response.accepted(requested).build();
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/deactivation-requests/{requestId}/approve")
    @Consumes(MediaType.WILDCARD) // no body
    public StatusService.DeactivationResult approveDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return status.approveDeactivation(id, requestId, requester());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/deactivation-requests/{requestId}/reject")
    public StatusService.Rejection rejectDeactivation(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                                                      @Valid @NotNull RejectRequest body) {
        return status.reject(id, requestId, Participant.RequestKind.DEACTIVATION, requester(), body.reason());
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("/{id}/deactivation-reversals")
    public Response requestReversal(@PathParam("id") UUID id, @Valid @NotNull ReversalRequest body) {
        return Response.accepted(status.requestReversal(id, body.reason() + " (evidence: " + body.evidence() + ")", requester())).build();
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/deactivation-reversal-requests/{requestId}/approve")
    @Consumes(MediaType.WILDCARD) // no body
    public StatusService.ReversalResult approveReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return status.approveReversal(id, requestId, requester());
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/deactivation-reversal-requests/{requestId}/reject")
    public StatusService.Rejection rejectReversal(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
                                                  @Valid @NotNull RejectRequest body) {
        return status.reject(id, requestId, Participant.RequestKind.REVERSAL, requester(), body.reason());
    }

    /**
     * The stated purpose of a read; the officer at the door reads for the screening only (status and arrears, and
     * the search answer without name or birth date).
     */
    private String purpose(String header) {
        String why = ParticipantAccessLog.purpose(header);
        if (atTheDoor() && !"screening".equals(why)) {
            throw new InvalidField(ParticipantAccessLog.HEADER, "the security officer reads participant data for the door's "
                    + "screening only: screening");
        }
        return why;
    }

    /** A security officer who holds none of the counter's roles. */
    private boolean atTheDoor() {
        return actor.hasRole(Roles.SECURITY_OFFICER) && !actor.hasRole(Roles.FRONTLINER) && !actor.hasRole(Roles.SUPERVISOR);
    }

    /** Requester and approver are people, named by their token subject. */
    private String requester() {
        return actor.subject().orElseThrow(() -> new IllegalStateException("a request without a signed-in user"));
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/corrections")
    public id.loket.membership.participant.service.CorrectionService.Corrected correct(@PathParam("id") UUID id,
                                                                                      @Valid @NotNull CorrectionRequest body) {
        return corrections.correct(id, new id.loket.membership.participant.service.CorrectionService.Correction(
                body.field(), body.newValue(), body.source(), body.evidence()));
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @GET
    @Path("/{id}/history")
    public List<StatusService.HistoryEntry> history(@PathParam("id") UUID id, @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = ParticipantAccessLog.purpose(purpose);
        List<StatusService.HistoryEntry> history = status.history(id);
        audit.record("GET /participants/{id}/history", why, List.of(id));
        return history;
    }

    /** The requester deciding their own request: 403, a second person must. */
    @ServerExceptionMapper
    public Response selfApproval(SelfApproval e) {
        return Problem.response(403, "four-eyes", "Forbidden", e.getMessage(), null);
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
