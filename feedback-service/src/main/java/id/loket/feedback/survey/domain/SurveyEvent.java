package id.loket.feedback.survey.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What happens to a survey, as published on {@code loket.feedback.events} (key {@code survey-<visitId>}).
 * No event carries the survey's token (a secret: whoever holds it can answer) and none carries the comment of
 * a satisfied participant; only a low score takes its comment and, if the participant left one, a phone number
 * to complaint-service for the follow-up.
 */
public sealed interface SurveyEvent {

    UUID surveyId();

    String visitId();

    /**
     * Offered once per closed visit. waitedSeconds, servedSeconds and zone are additions to the agreed contract;
     * zone is the branch's time zone as VisitClosed gave it, null when the VisitClosed had none (older events).
     */
    record SurveyOffered(
            UUID surveyId,
            String visitId,
            String branch,
            String counterId,
            String serviceType,
            Instant closedAt,
            Instant expiresAt,
            Long waitedSeconds,
            Long servedSeconds,
            String zone) implements SurveyEvent {
    }

    record FeedbackSubmitted(
            UUID surveyId,
            String visitId,
            String branch,
            String counterId,
            String serviceType,
            int rating,
            Aspects aspects,
            boolean hasComment,
            Instant submittedAt) implements SurveyEvent {
    }

    record LowSatisfactionFlagged(
            UUID surveyId,
            String visitId,
            String branch,
            String counterId,
            String serviceType,
            int rating,
            String comment,
            String contactPhone) implements SurveyEvent {

        @Override
        public String toString() {
            return "LowSatisfactionFlagged[" + surveyId + ", rating=" + rating + "]"; // no comment or phone in logs
        }
    }

    /** Optional per-aspect scores, each 1–5 or null when not given. */
    record Aspects(Integer speed, Integer friendliness, Integer solution) {
        public static final Aspects NONE = new Aspects(null, null, null);
    }
}
