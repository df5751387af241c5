package id.loket.feedback.survey.rest;

import id.loket.feedback.survey.domain.SurveyExpired;
import id.loket.platform.eventstore.MetadataContext;
import id.loket.platform.http.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An expired survey is 410 Gone, in the platform's problem+json shape (the platform has no 410 of its own). */
public class SurveyExpiredMapper {

    @ServerExceptionMapper
    public Response expired(SurveyExpired e) {
        String correlationId = null;
        try {
            correlationId = MetadataContext.current().correlationId();
        } catch (RuntimeException ignored) {
            // no request context: the problem goes out without it
        }
        return Response.status(410).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://loket.id/problems/survey-expired", "Gone", 410, e.getMessage(), correlationId, null))
                .build();
    }
}
