package id.loket.membership.participant.rest;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.membership.audit.service.ParticipantAccessLog;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.membership.participant.service.ParticipantService.ParticipantDetails;
import id.loket.membership.participant.service.CorrectionService;
import id.loket.membership.participant.service.ParticipantHistory;
import id.loket.membership.participant.service.StatusOnDate;
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

    public record CorrectionRequest(@NotNull id.loket.membership.participant.domain.CorrectedField field,
                                    @NotBlank @Size(max = 200) String newValue,
                                    @NotBlank @Pattern(regexp = "COUNTER|CIVIL_REGISTRY", message = "must be COUNTER or CIVIL_REGISTRY") String source,
                                    @NotBlank @Size(max = 500) String evidence) {
        @Override
        public String toString() {
            return "CorrectionRequest[" + field + "]";
        }
    }

    private final ParticipantService participants;
    private final StatusOnDate status;
    private final ParticipantHistory histories;
    private final IdempotentCommands idempotent;
    private final CorrectionService corrections;
    private final ParticipantAccessLog audit;

    ParticipantResource(ParticipantService participants, StatusOnDate status, ParticipantHistory histories,
                        IdempotentCommands idempotent, CorrectionService corrections, ParticipantAccessLog audit) {
        this.participants = participants;
        this.status = status;
        this.histories = histories;
        this.idempotent = idempotent;
        this.corrections = corrections;
        this.audit = audit;
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
        String why = audit.purposeAtTheDoor(purpose);
        if ((body.nik() == null) == (body.cardNumber() == null)) {
            throw new InvalidField(body.nik() == null ? "nik" : "cardNumber", "give either nik or cardNumber, not both or neither");
        }
        ParticipantBody found = ParticipantBody.of(body.nik() != null ? participants.findByNik(body.nik()) : participants.findByCardNumber(body.cardNumber()));
        audit.record("POST /participants/search", why, List.of(found.id()));
        return audit.atTheDoor() ? found.forTheDoor() : found;
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR, Roles.SECURITY_OFFICER})
    @GET
    @Path("/{id}/status")
    public StatusOnDate.StatusAnswer status(@PathParam("id") UUID id, @QueryParam("asOf") String asOf,
                                             @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = audit.purposeAtTheDoor(purpose);
        StatusOnDate.StatusAnswer answer = status.statusAsOf(id, asOf == null ? participants.today() : date(asOf, "asOf"));
        audit.record("GET /participants/{id}/status", why, List.of(id));
        return answer;
    }

    @RolesAllowed(Roles.SUPERVISOR)
    @POST
    @Path("/{id}/corrections")
    public CorrectionService.Corrected correct(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequest body) {
        return corrections.correct(id, new CorrectionService.Correction(body.field(), body.newValue(), body.source(), body.evidence()));
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @GET
    @Path("/{id}/history")
    public List<ParticipantHistory.HistoryEntry> history(@PathParam("id") UUID id, @HeaderParam(ParticipantAccessLog.HEADER) String purpose) {
        String why = ParticipantAccessLog.purpose(purpose);
        List<ParticipantHistory.HistoryEntry> history = histories.history(id);
        audit.record("GET /participants/{id}/history", why, List.of(id));
        return history;
    }

    static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
