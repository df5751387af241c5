package id.loket.complaint.sla.rest;

import id.loket.complaint.sla.service.ComplaintAttention;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The supervisor view's complaints: those of one branch overdue or due soon, most urgent first. For the
 * branch's supervisor, and analysts of it or national ones (as the pattern report). Each item holds what
 * identifies and times the complaint, not its description nor the participant or reporter.
 */
@Path("/branches/{code}/complaints/attention")
@RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
@Produces(MediaType.APPLICATION_JSON)
public class AttentionResource {

    /**
     * secondsLeft: wall-clock time until dueAt, negative once overdue; workingSecondsLeft: the same in
     * service-hours time, which is how the SLA clocks run.
     */
    public record AttentionItem(UUID id, String reference, String category, String serviceLevel, String channel,
                                String status, Instant registeredAt, String deadline, Instant dueAt, boolean overdue,
                                long secondsLeft, long workingSecondsLeft, List<String> escalatedTo, UUID surveyId) {
    }

    public record AttentionPage(String branch, Instant asOf, String dueSoonWithin, long overdue, long dueSoon,
                                long total, int page, int size, List<AttentionItem> items) {
    }

    private final ComplaintAttention attention;

    AttentionResource(ComplaintAttention attention) {
        this.attention = attention;
    }

    @GET
    @BranchScoped
    public AttentionPage get(@Branch @PathParam("code") @Pattern(regexp = "[A-Z0-9]{2,10}", message = "must be a branch code such as SDA") String code,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        var r = attention.of(code, "code", page, size);
        return new AttentionPage(code, r.asOf(), r.dueSoonWithin().toString(), r.overdue(), r.total() - r.overdue(),
                r.total(), r.page(), r.size(), r.items().stream().map(AttentionResource::item).toList());
    }

    private static AttentionItem item(ComplaintAttention.Item i) {
        ComplaintView v = i.complaint();
        return new AttentionItem(v.complaintId, v.reference, v.category, v.serviceLevel, v.channel, v.status,
                v.registeredAt, i.deadline().name(), i.deadline().dueAt(), i.overdue(), i.left().toSeconds(),
                i.workingLeft().toSeconds(), v.escalatedTo == null || v.escalatedTo.isEmpty() ? List.of()
                : List.of(v.escalatedTo.split(",")), v.surveyId);
    }
}
