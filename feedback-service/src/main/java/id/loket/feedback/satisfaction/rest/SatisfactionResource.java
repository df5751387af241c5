package id.loket.feedback.satisfaction.rest;

import id.loket.feedback.satisfaction.service.SatisfactionFigures;
import id.loket.feedback.satisfaction.service.SatisfactionReports;
import id.loket.feedback.satisfaction.service.SatisfactionReports.Report;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Satisfaction reports for the supervisor and the evaluation (JSON, or CSV for a spreadsheet): supervisors of
 * the branch asked for, analysts of it or national ones.
 */
@Path("/satisfaction")
@RolesAllowed({Roles.SUPERVISOR, Roles.ANALYST})
public class SatisfactionResource {

    static final String CSV = "text/csv";

    private final SatisfactionReports reports;

    SatisfactionResource(SatisfactionReports reports) {
        this.reports = reports;
    }

    /** JSON, or CSV when the client asks for text/csv before JSON (one line per group, then the total). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @BranchScoped
    public Response report(@Branch @QueryParam("branch") @NotBlank String branch, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                           @Context HttpHeaders headers) {
        Report r = reports.report(branch, from, to, groupBy);
        return wantsCsv(headers)
                ? Response.ok(csv(r), CSV + ";charset=UTF-8").build()
                : Response.ok(r, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) return false;
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) return false;
            if (type.isCompatible(MediaType.valueOf(CSV))) return true;
        }
        return false;
    }

    private static String csv(Report r) {
        StringBuilder out = new StringBuilder(
                "group,offered,answered,responseRate,meanRating,csat,rating1,rating2,rating3,rating4,rating5,"
                        + "speed,friendliness,solution,lowScores\r\n");
        for (SatisfactionFigures f : r.groups()) line(out, f);
        line(out, r.total());
        return out.toString();
    }

    @GET
    @Path("/comments")
    @Produces(MediaType.APPLICATION_JSON)
    @BranchScoped
    public SatisfactionReports.Comments comments(@Branch @QueryParam("branch") @NotBlank String branch,
                                                 @QueryParam("from") String from, @QueryParam("to") String to,
                                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return reports.comments(branch, from, to, page, size);
    }

    private static void line(StringBuilder out, SatisfactionFigures f) {
        List<Object> cells = List.of(quote(f.key()), f.offered(), f.answered(), cell(f.responseRate()),
                cell(f.meanRating()), cell(f.csat()), f.distribution().get("1"), f.distribution().get("2"),
                f.distribution().get("3"), f.distribution().get("4"), f.distribution().get("5"),
                cell(f.aspects().speed()), cell(f.aspects().friendliness()), cell(f.aspects().solution()), f.lowScores());
        out.append(String.join(",", cells.stream().map(Objects::toString).toList())).append("\r\n");
    }

    private static String cell(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** RFC 4180 quoting, and no formula injection into the spreadsheet. */
    private static String quote(String value) {
        String v = value.matches("^[=+\\-@].+") ? "'" + value : value;
        return v.matches(".*[\",\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
