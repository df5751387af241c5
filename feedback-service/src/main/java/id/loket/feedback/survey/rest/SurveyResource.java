package id.loket.feedback.survey.rest;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.loket.feedback.ratelimit.rest.RateLimited;
import id.loket.feedback.survey.domain.Survey;
import id.loket.feedback.survey.domain.SurveyEvent.Aspects;
import id.loket.feedback.survey.projection.SurveyView;
import id.loket.feedback.survey.service.SurveyService;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The participant's side of a survey, addressed by its secret token. Reading records nothing (chat apps
 * pre-open links); only the POST answers. Nothing here logs the path or the token. Public (the participant has
 * no account; the token is the key) and limited per client address.
 */
@Path("/surveys/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@RateLimited
public class SurveyResource {

    public record AspectScores(@Min(1) @Max(5) Integer speed, @Min(1) @Max(5) Integer friendliness,
                               @Min(1) @Max(5) Integer solution) {
    }

    public record SubmitAnswer(
            @NotNull @Min(1) @Max(5) Integer rating,
            @Valid AspectScores aspects,
            @Size(max = 1000) String comment,
            @Pattern(regexp = "\\+?[0-9][0-9 -]{6,18}[0-9]", message = "must be a phone number") String phone) {

        @Override
        public String toString() {
            return "SubmitAnswer[rating=" + rating + "]"; // no comment or phone in logs
        }
    }

    public record Question(String id, String kind, int min, int max, boolean required) {
    }

    /** What the page shows: the visit without personal data, and the questions. */
    public record SurveyBody(UUID surveyId, String branch, String counterId, String serviceType, Instant closedAt,
                             String zone, Long waitedSeconds, Long servedSeconds, Instant expiresAt,
                             boolean answered, List<Question> questions) {
        /** zone: the branch's, so the page shows the visit's local time there, not the phone's. */
        static SurveyBody of(SurveyView v) {
            return new SurveyBody(v.surveyId, v.branch, v.counterId, v.serviceType, v.closedAt, v.zoneId,
                    v.waitedSeconds, v.servedSeconds, v.expiresAt, v.answered(), QUESTIONS);
        }
    }

    public record Submitted(UUID surveyId, int rating, boolean followUp) {
    }

    static final List<Question> QUESTIONS = List.of(
            new Question("rating", "stars", 1, 5, true),
            new Question("aspects.speed", "stars", 1, 5, false),
            new Question("aspects.friendliness", "stars", 1, 5, false),
            new Question("aspects.solution", "stars", 1, 5, false),
            new Question("comment", "text", 0, 1000, false),
            new Question("phone", "phone", 0, 0, false));

    private final SurveyService surveys;

    SurveyResource(SurveyService surveys) {
        this.surveys = surveys;
    }

    @GET
    public Response get(@PathParam("token") String token) {
        return Response.ok(SurveyBody.of(surveys.open(token))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Submitted submit(@PathParam("token") String token, @Valid @NotNull SubmitAnswer body) {
        AspectScores a = body.aspects();
        String phone = body.phone() == null || body.phone().isBlank() ? null : body.phone().replaceAll("[ -]", "");
        SurveyView v = surveys.submit(token, new SurveyService.Answer(body.rating(),
                a == null ? Aspects.NONE : new Aspects(a.speed(), a.friendliness(), a.solution()), body.comment(), phone));
        return new Submitted(v.surveyId, body.rating(), body.rating() <= Survey.LOW_SCORE);
    }

    /** The page's URL as a QR code, for the counter screen. */
    @GET
    @Path("/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("token") String token) {
        String url = surveys.pageUrlOf(surveys.byToken(token));
        try {
            var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 320, 320,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return Response.ok(png.toByteArray(), "image/png").header("Cache-Control", "no-store").build();
        } catch (WriterException e) {
            throw new IllegalStateException("could not encode the survey link", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
