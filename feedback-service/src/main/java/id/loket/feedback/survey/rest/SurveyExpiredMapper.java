package id.loket.feedback.survey.rest;

import id.loket.feedback.survey.domain.SurveyExpired;
import id.loket.platform.http.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An expired survey is 410 Gone (a status the platform does not map itself). */
public class SurveyExpiredMapper {

    @ServerExceptionMapper
    public Response expired(SurveyExpired e) {
        return Problem.response(410, "survey-expired", "Gone", e.getMessage(), null);
    }
}
