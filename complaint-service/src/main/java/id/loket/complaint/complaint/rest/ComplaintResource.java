package id.loket.complaint.complaint.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.complaint.complaint.domain.Channel;
import id.loket.complaint.complaint.domain.ComplaintStatus;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.projection.TimelineEntry;
import id.loket.complaint.complaint.service.ComplaintBranch;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.complaint.complaint.service.ComplaintService.Contact;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.idempotency.IdempotentCommands;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.InBranch;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Complaints from every channel: registration, the steps of their handling, and reads. For frontliners and
 * supervisors of the complaint's branch (docs/security.md): the branch of the body on registration, the
 * complaint's own branch, checked before anything is written, for every read and step of one complaint.
 */
@Path("/complaints")
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComplaintResource {

    public record ReporterContact(@Size(max = 100) String name,
                                  @Pattern(regexp = "\\+?[0-9][0-9 -]{5,19}", message = "must be a phone number") String phone,
                                  @Email @Size(max = 200) String email) {
        @Override
        public String toString() {
            return "ReporterContact[***]"; // no personal data in logs
        }
    }

    public record RegisterComplaint(
            @NotNull Channel channel,
            @NotBlank @Size(max = 10) String branch,
            @NotBlank @Size(max = 64) String category,
            UUID participantId,
            @Size(max = 64) String visitId,
            @Size(max = 32) String counterId,
            UUID relatedComplaintId,
            @Valid ReporterContact reporterContact,
            @NotBlank @Size(max = 4000) String description) implements InBranch {
    }

    public record AddDocument(@NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "must be a document type such as DEATH_CERTIFICATE") String type,
                              @Size(max = 40) String number) {
        @Override
        public String toString() {
            return "AddDocument[" + type + "]"; // a KTP number is a NIK
        }
    }

    public record Respond(@NotBlank @Size(max = 2000) String message) {
    }

    public record Pause(@NotBlank @Size(max = 500) String reason) {
    }

    public record Escalate(@NotBlank @Size(max = 64) String to, @NotBlank @Size(max = 500) String reason) {
    }

    public record Resolve(@NotBlank @Size(max = 4000) String resolution, @NotBlank @Size(max = 2000) String actionTaken) {
    }

    public record Reopen(@NotBlank @Size(max = 500) String reason) {
    }

    public record Education(@NotEmpty List<@NotBlank String> channels) {
    }

    public record TimelineItem(Instant at, String type, JsonNode detail) {
    }

    public record ComplaintBody(UUID id, String reference, String branch, String category, String serviceLevel,
                                String channel, String status, UUID participantId, String visitId, String counterId,
                                UUID surveyId, UUID relatedComplaintId, String description, ReporterContact reporterContact,
                                List<String> requiredDocuments, List<String> documentsReceived, List<String> missingDocuments,
                                boolean documentsVerified, Instant registeredAt, LocalDate businessDate,
                                Instant firstResponseDueAt, Instant respondedAt, Instant resolutionDueAt, Instant pausedAt,
                                Instant resolvedAt, Boolean resolvedWithinSla, List<String> escalatedTo, int reopenCount,
                                boolean overdue, boolean responseBreached, boolean resolutionBreached, long version,
                                List<TimelineItem> timeline) {
    }

    public record ComplaintPage(List<ComplaintBody> items, long total, int page, int size) {
    }

    private final ComplaintService complaints;
    private final IdempotentCommands idempotent;
    private final ObjectMapper json;
    private final CurrentActor actor;

    ComplaintResource(ComplaintService complaints, IdempotentCommands idempotent, ObjectMapper json, CurrentActor actor) {
        this.complaints = complaints;
        this.idempotent = idempotent;
        this.json = json;
        this.actor = actor;
    }

    /** The branch is checked before the idempotency look-up: a replay is no way round it. */
    @POST
    @BranchScoped
    public Response register(@HeaderParam(IdempotentCommands.HEADER) String key,
                             @Branch @Valid @NotNull RegisterComplaint body) {
        return idempotent.run(key, "POST /complaints", body, () -> {
            ReporterContact c = body.reporterContact();
            ComplaintView v = complaints.register(new ComplaintService.Registration(body.channel(), body.branch(),
                    body.category(), body.participantId(), body.visitId(), body.counterId(), null,
                    body.relatedComplaintId(), c == null ? null : new Contact(c.name(), c.phone(), c.email()),
                    body.description()));
            return Response.created(URI.create("/complaints/" + v.complaintId)).entity(full(v.complaintId)).build();
        });
    }

    @GET
    @Path("/{id}")
    @BranchScoped
    public ComplaintBody get(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id) {
        return full(id);
    }

    @GET
    public ComplaintPage list(@QueryParam("status") String status, @QueryParam("category") String category,
                              @QueryParam("channel") String channel, @QueryParam("branch") String branch,
                              @QueryParam("overdue") Boolean overdue,
                              @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                              @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if (status != null && Arrays.stream(ComplaintStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new InvalidField("status", "must be one of " + Arrays.toString(ComplaintStatus.values()));
        }
        if (channel != null && Arrays.stream(Channel.values()).noneMatch(s -> s.name().equals(channel))) {
            throw new InvalidField("channel", "must be one of " + Arrays.toString(Channel.values()));
        }
        // not one complaint's branch but the list's scope (a national user's may be every branch): checked here
        String scope = BranchScope.of(actor, branch);
        var result = complaints.list(new ComplaintService.Filter(status, category, channel, scope, overdue), page, size);
        return new ComplaintPage(result.items().stream().map(v -> body(v, null, null)).toList(), result.total(),
                result.page(), result.size());
    }

    @POST
    @Path("/{id}/documents")
    @BranchScoped
    public ComplaintBody documents(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                   @Valid @NotNull AddDocument body) {
        complaints.addDocument(id, body.type(), body.number());
        return full(id);
    }

    @POST
    @Path("/{id}/respond")
    @BranchScoped
    public ComplaintBody respond(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                 @Valid @NotNull Respond body) {
        complaints.respond(id, body.message());
        return full(id);
    }

    @POST
    @Path("/{id}/pause")
    @BranchScoped
    public ComplaintBody pause(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                               @Valid @NotNull Pause body) {
        complaints.pause(id, body.reason());
        return full(id);
    }

    @POST
    @Path("/{id}/resume")
    @BranchScoped
    public ComplaintBody resume(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id) {
        complaints.resume(id);
        return full(id);
    }

    @POST
    @Path("/{id}/escalate")
    @BranchScoped
    public ComplaintBody escalate(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                  @Valid @NotNull Escalate body) {
        complaints.escalate(id, body.to(), body.reason());
        return full(id);
    }

    @POST
    @Path("/{id}/resolve")
    @BranchScoped
    public ComplaintBody resolve(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                 @Valid @NotNull Resolve body) {
        complaints.resolve(id, body.resolution(), body.actionTaken());
        return full(id);
    }

    @POST
    @Path("/{id}/reopen")
    @BranchScoped
    public ComplaintBody reopen(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                @Valid @NotNull Reopen body) {
        complaints.reopen(id, body.reason());
        return full(id);
    }

    @POST
    @Path("/{id}/education")
    @BranchScoped
    public ComplaintBody education(@Branch(lookup = ComplaintBranch.class) @PathParam("id") UUID id,
                                   @Valid @NotNull Education body) {
        complaints.recordEducation(id, body.channels());
        return full(id);
    }

    private ComplaintBody full(UUID id) {
        var d = complaints.get(id);
        ReporterContact contact = d.contact() == null ? null
                : new ReporterContact(d.contact().name, d.contact().phone, d.contact().email);
        return body(d.view(), contact, d.timeline());
    }

    private ComplaintBody body(ComplaintView v, ReporterContact contact, List<TimelineEntry> timeline) {
        return new ComplaintBody(v.complaintId, v.reference, v.branch, v.category, v.serviceLevel, v.channel, v.status,
                v.participantId, v.visitId, v.counterId, v.surveyId, v.relatedComplaintId, v.description, contact,
                csv(v.requiredDocuments), csv(v.documentsReceived), complaints.missingDocuments(v), v.documentsVerified,
                v.registeredAt, v.businessDate, v.firstResponseDueAt, v.respondedAt, v.resolutionDueAt, v.pausedAt,
                v.resolvedAt, v.resolvedWithinSla, csv(v.escalatedTo), v.reopenCount, complaints.isOverdue(v),
                v.responseBreached, v.resolutionBreached, v.version,
                timeline == null ? null : timeline.stream().map(t -> new TimelineItem(t.at, t.type, tree(t.detail))).toList());
    }

    private JsonNode tree(String detail) {
        try {
            return json.readTree(detail);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(detail);
        }
    }

    private static List<String> csv(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split(","));
    }
}
