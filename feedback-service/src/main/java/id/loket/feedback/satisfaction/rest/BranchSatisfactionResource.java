package id.loket.feedback.satisfaction.rest;

import id.loket.feedback.satisfaction.service.SatisfactionFigures;
import id.loket.feedback.satisfaction.service.SatisfactionReports;
import id.loket.feedback.satisfaction.service.SatisfactionReports.LowScore;
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

import java.math.BigDecimal;
import java.util.List;

/**
 * The supervisor view's satisfaction: today's CSAT of one branch (today in the branch's zone, the answers the
 * {@code loket_feedback_csat_today} gauge counts) and today's low scores to follow up, newest first. For the
 * branch's supervisor, and analysts of it or national ones (as {@code GET /satisfaction}). A low score shows
 * an excerpt of the comment and whether the participant asked to be called back, never the phone number.
 */
@Path("/branches/{code}/satisfaction/today")
@RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
@Produces(MediaType.APPLICATION_JSON)
public class BranchSatisfactionResource {

    /** csatPercent and meanRating are null while there is no answer today; lowScores counts them all, low the newest. */
    public record TodayBody(String branch, BigDecimal csatPercent, long answers, BigDecimal meanRating,
                            long lowScores, List<LowScore> low) {
    }

    private final SatisfactionReports reports;

    BranchSatisfactionResource(SatisfactionReports reports) {
        this.reports = reports;
    }

    @GET
    @BranchScoped
    public TodayBody today(@Branch @PathParam("code") @Pattern(regexp = "[A-Z0-9]{2,10}", message = "must be a branch code such as SDA") String code,
                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SatisfactionReports.Today t = reports.today(code, size);
        SatisfactionFigures f = t.figures();
        return new TodayBody(code, f.csat(), f.answered(), f.meanRating(), f.lowScores(), t.low());
    }
}
