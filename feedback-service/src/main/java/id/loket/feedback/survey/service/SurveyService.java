package id.loket.feedback.survey.service;

import id.loket.feedback.config.FeedbackConfig;
import id.loket.feedback.survey.domain.Survey;
import id.loket.feedback.survey.domain.SurveyEvent;
import id.loket.feedback.survey.domain.SurveyEvent.Aspects;
import id.loket.feedback.survey.domain.SurveyExpired;
import id.loket.feedback.survey.projection.SurveyComment;
import id.loket.feedback.survey.projection.SurveyView;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.NotFound;
import id.loket.platform.events.MetadataContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Offering surveys for closed visits and taking the participant's answer. */
@ApplicationScoped
public class SurveyService {

    /** The visit as VisitClosed describes it, without anything personal; zone is null in older events. */
    public record ClosedVisit(String visitId, String branch, String counterId, String serviceType, String zone,
                              Instant closedAt, Long waitedSeconds, Long servedSeconds) {
    }

    public record Answer(int rating, Aspects aspects, String comment, String contactPhone) {
        @Override
        public String toString() {
            return "Answer[rating=" + rating + "]"; // no comment or phone in logs
        }
    }

    private final AggregateRepository aggregates;
    private final SurveyTokens tokens;
    private final FeedbackConfig config;
    private final Clock clock;
    private final MetadataContext metadata;

    SurveyService(AggregateRepository aggregates, SurveyTokens tokens,
                  FeedbackConfig config, Clock clock, MetadataContext metadata) {
        this.aggregates = aggregates;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
        this.metadata = metadata;
    }

    /**
     * Offers the visit's survey, once however often the visit is delivered (the survey's stream is the visit's).
     *
     * @return false when the visit already had its survey
     */
    @Transactional
    public boolean offer(ClosedVisit visit) {
        var offer = new Survey.Command.Offer(UUID.randomUUID(), visit.visitId(), visit.branch(), visit.counterId(),
                visit.serviceType(), visit.zone(), visit.closedAt(), visit.waitedSeconds(), visit.servedSeconds(),
                config.surveyExpiry());
        metadata.branch(visit.branch()); // the event's branch is the visit's
        return aggregates.createOnce(Survey.streamId(visit.visitId()), Survey.DECIDER, offer).created();
    }

    /** The survey behind a link: 404 when unknown, 410 when it expired unanswered. Reads only: records nothing. */
    public SurveyView open(String token) {
        SurveyView view = byToken(token);
        if (!view.answered() && !clock.instant().isBefore(view.expiresAt)) throw new SurveyExpired();
        return view;
    }

    /** The survey behind a link, whatever its state (for its QR code). */
    public SurveyView byToken(String token) {
        if (!SurveyTokens.wellFormed(token)) throw new NotFound("no such survey");
        return SurveyView.byTokenHash(SurveyTokens.lookupHash(token)).orElseThrow(() -> new NotFound("no such survey"));
    }

    /** Once, before expiry; two answers at once are one answer (the stream version decides) and a 409. */
    @Transactional
    public SurveyView submit(String token, Answer answer) {
        SurveyView view = byToken(token);
        Instant now = clock.instant();
        metadata.branch(view.branch); // the survey's branch: the participant who answers has none
        aggregates.handle(Survey.streamId(view.visitId), Survey.DECIDER, SurveyEvent.class,
                new Survey.Command.Submit(answer.rating(), answer.aspects(), answer.comment(), answer.contactPhone(), now));
        boolean hasComment = answer.comment() != null && !answer.comment().isBlank();
        if (hasComment || answer.contactPhone() != null) {
            SurveyComment c = new SurveyComment();
            c.surveyId = view.surveyId;
            c.comment = hasComment ? answer.comment().strip() : null;
            c.contactPhone = answer.contactPhone();
            c.writtenAt = now;
            c.persist();
        }
        return view;
    }

    /** The survey's link for the counter screen; empty while the VisitClosed is still on its way. */
    public Optional<Link> linkForVisit(String visitId) {
        // no visit id holds a control character (it never gets a survey), and PostgreSQL refuses a NUL in a query
        if (visitId.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such visit");
        return SurveyView.byVisit(visitId).map(v -> {
            String token = tokens.tokenOf(v.surveyId);
            String base = config.publicBaseUrl().replaceAll("/+$", "");
            return new Link(v, base + "/survey/" + token, base + "/surveys/" + token + "/qr.png");
        });
    }

    public record Link(SurveyView survey, String pageUrl, String qrUrl) {
        @Override
        public String toString() {
            return "Link[" + survey.surveyId + "]"; // the URLs hold the token
        }
    }

    public String pageUrlOf(SurveyView view) {
        return config.publicBaseUrl().replaceAll("/+$", "") + "/survey/" + tokens.tokenOf(view.surveyId);
    }
}
