package id.loket.feedback.survey.rest;

import id.loket.feedback.survey.service.SurveyService;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/**
 * The counter screen asks for the survey of the visit it just closed. The survey is created from the
 * VisitClosed event a moment later, so until then the answer is 202 with Retry-After. For the frontliners and
 * supervisors of the visit's branch: the link holds the survey's secret token. (A 202 tells nothing about the
 * visit, so it is given before the survey, and with it the visit's branch, is known.)
 */
@Path("/visits/{visitId}/survey")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
public class VisitSurveyResource {

    static final int RETRY_AFTER_SECONDS = 1;

    public record VisitSurvey(UUID surveyId, String visitId, String pageUrl, String qrUrl, Instant expiresAt,
                              boolean answered) {
        @Override
        public String toString() {
            return "VisitSurvey[" + surveyId + "]"; // the URLs hold the token
        }
    }

    public record Pending(String visitId, String status) {
    }

    private final SurveyService surveys;
    private final CurrentActor actor;

    VisitSurveyResource(SurveyService surveys, CurrentActor actor) {
        this.surveys = surveys;
        this.actor = actor;
    }

    @GET
    public Response get(@PathParam("visitId") String visitId) {
        var link = surveys.linkForVisit(visitId);
        // explicit, not @BranchScoped: until the survey exists the answer is 202, not a lookup's 404, and a 202
        // names no branch; once it exists, its branch is checked
        link.ifPresent(l -> actor.requireBranch(l.survey().branch));
        return link
                .map(l -> Response.ok(new VisitSurvey(l.survey().surveyId, visitId, l.pageUrl(), l.qrUrl(),
                        l.survey().expiresAt, l.survey().answered())))
                .orElseGet(() -> Response.accepted(new Pending(visitId, "PENDING"))
                        .header("Retry-After", RETRY_AFTER_SECONDS))
                .header("Cache-Control", "no-store")
                .build();
    }
}
