package id.loket.feedback.survey.projection;

import id.loket.feedback.config.FeedbackConfig;
import id.loket.feedback.survey.domain.SurveyEvent;
import id.loket.feedback.survey.service.SurveyTokens;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.projection.EventProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Keeps survey_view in step with the survey streams; every value comes from the event (the token hash from its
 * id), except the zone of a survey offered from a VisitClosed without one: that is the configured zone.
 * Local days (closed, submitted) are computed here in Java, in the survey's zone, once.
 */
@ApplicationScoped
public class SurveyProjection implements EventProjection<SurveyEvent> {

    private final SurveyTokens tokens;
    private final ZoneId fallbackZone;

    SurveyProjection(SurveyTokens tokens, FeedbackConfig config) {
        this.tokens = tokens;
        this.fallbackZone = config.zone();
    }

    @Override
    public String name() {
        return "surveys";
    }

    @Override
    public List<String> tables() {
        return List.of("survey_view");
    }

    @Override
    public Class<SurveyEvent> family() {
        return SurveyEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<SurveyEvent>> events) {
        for (EventEnvelope<SurveyEvent> e : events) apply(e);
    }

    private void apply(EventEnvelope<SurveyEvent> event) {
        switch (event.event()) {
            case SurveyEvent.SurveyOffered o -> {
                SurveyView v = new SurveyView();
                v.surveyId = o.surveyId();
                v.visitId = o.visitId();
                v.tokenHash = SurveyTokens.lookupHash(tokens.tokenOf(o.surveyId()));
                v.branch = o.branch();
                v.counterId = o.counterId();
                v.serviceType = o.serviceType();
                v.closedAt = o.closedAt();
                ZoneId zone = o.zone() != null ? ZoneId.of(o.zone()) : fallbackZone;
                v.zoneId = zone.getId();
                v.closedDate = LocalDate.ofInstant(o.closedAt(), zone);
                v.waitedSeconds = o.waitedSeconds();
                v.servedSeconds = o.servedSeconds();
                v.offeredAt = event.recordedAt();
                v.expiresAt = o.expiresAt();
                v.version = event.version();
                v.persist();
            }
            case SurveyEvent.FeedbackSubmitted f -> {
                SurveyView v = SurveyView.findById(f.surveyId());
                v.rating = f.rating();
                if (f.aspects() != null) {
                    v.speed = f.aspects().speed();
                    v.friendliness = f.aspects().friendliness();
                    v.solution = f.aspects().solution();
                }
                v.hasComment = f.hasComment();
                v.submittedAt = f.submittedAt();
                v.submittedDate = LocalDate.ofInstant(f.submittedAt(), ZoneId.of(v.zoneId));
                v.version = event.version();
            }
            case SurveyEvent.LowSatisfactionFlagged l -> {
                SurveyView v = SurveyView.findById(l.surveyId());
                v.version = event.version();
            }
        }
    }
}
