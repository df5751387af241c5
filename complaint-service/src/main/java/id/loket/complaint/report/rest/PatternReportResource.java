package id.loket.complaint.report.rest;

import id.loket.complaint.report.service.PatternReport;
import id.loket.complaint.complaint.rest.BranchScope;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * GET /reports/complaint-patterns as JSON, or as CSV with {@code Accept: text/csv}. For supervisors (their own
 * branch) and analysts (their own branch, or every branch when national); without {@code branch} a branch
 * user gets their own branch's report.
 */
@Path("/reports/complaint-patterns")
@RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
public class PatternReportResource {

    private final PatternReport reports;
    private final CurrentActor actor;

    PatternReportResource(PatternReport reports, CurrentActor actor) {
        this.reports = reports;
        this.actor = actor;
    }

    /** JSON unless the client asks for CSV (a browser or curl sending {@code *}{@code /*} gets JSON). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    public Response get(@QueryParam("from") @NotNull String from, @QueryParam("to") @NotNull String to,
                        @QueryParam("groupBy") @DefaultValue("category") String groupBy,
                        @QueryParam("branch") String branch, @Context HttpHeaders headers) {
        // not one record's branch but the report's scope (a national analyst's may be every branch): checked here
        PatternReport.Report report = build(from, to, groupBy, BranchScope.of(actor, branch));
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> m.getType().equals("text") && m.getSubtype().equals("csv"));
        return csv ? Response.ok(PatternReport.csv(report), "text/csv").build()
                : Response.ok(report, MediaType.APPLICATION_JSON).build();
    }

    private PatternReport.Report build(String from, String to, String groupBy, String branch) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (t.isBefore(f)) throw new InvalidField("to", "must not be before from");
        if (f.plusYears(5).isBefore(t)) throw new InvalidField("to", "a report spans at most five years");
        PatternReport.GroupBy g;
        try {
            g = PatternReport.GroupBy.valueOf(groupBy);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("groupBy", "must be one of category, channel, branch, counter, week");
        }
        return reports.build(f, t, g, branch);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
