package id.loket.web.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.loket.web.PersonsToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.UUID;

/** feedback-service: the visit's survey link and QR for the counter screen. */
@RegisterRestClient(configKey = "feedback")
@RegisterProvider(PersonsToken.class)
@Produces(MediaType.APPLICATION_JSON)
public interface FeedbackApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VisitSurvey(UUID surveyId, String visitId, String pageUrl, String qrUrl, Instant expiresAt, boolean answered) {
        @Override
        public String toString() {
            return "VisitSurvey[" + surveyId + "]"; // the URLs hold the token
        }
    }

    /** 200 with {@link VisitSurvey}; 202 + Retry-After while the survey is on its way (VisitClosed not consumed yet). */
    @GET
    @Path("/visits/{visitId}/survey")
    Response visitSurvey(@PathParam("visitId") String visitId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Figures(long offered, long answered, java.math.BigDecimal meanRating, java.math.BigDecimal csat, long lowScores) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Satisfaction(String branch, Figures total) {
    }

    @GET
    @Path("/satisfaction")
    Satisfaction satisfaction(@jakarta.ws.rs.QueryParam("branch") String branch, @jakarta.ws.rs.QueryParam("from") String from,
                              @jakarta.ws.rs.QueryParam("to") String to);

    /** A low score of today (rated 1–2), to follow up; never the phone. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LowScore(UUID surveyId, String visitId, String counterId, String serviceType, int rating, String commentExcerpt,
                    boolean contactRequested, Instant flaggedAt) {
    }

    /** Today's CSAT of the branch (null percent while nobody answered) and its newest low scores. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Today(String branch, java.math.BigDecimal csatPercent, long answers, java.math.BigDecimal meanRating,
                 long lowScores, java.util.List<LowScore> low) {
    }

    @GET
    @Path("/branches/{code}/satisfaction/today")
    Today today(@PathParam("code") String code);

    /** The QR image, fetched through branch-web so the counter screen needs no route to feedback-service. */
    @GET
    @Path("/surveys/{token}/qr.png")
    @Produces("image/png")
    byte[] qr(@PathParam("token") String token);
}
