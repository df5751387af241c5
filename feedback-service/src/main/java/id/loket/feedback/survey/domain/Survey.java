package id.loket.feedback.survey.domain;

import id.loket.feedback.survey.domain.SurveyEvent.Aspects;
import id.loket.feedback.survey.domain.SurveyEvent.FeedbackSubmitted;
import id.loket.feedback.survey.domain.SurveyEvent.LowSatisfactionFlagged;
import id.loket.feedback.survey.domain.SurveyEvent.SurveyOffered;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One visit's satisfaction survey, as the fold of its events: offered once, answered at most once, before it expires. */
public record Survey(SurveyOffered offer, boolean answered) {

    /** Ratings at or below this are followed up (DOMAIN.md, Satisfaction). */
    public static final int LOW_SCORE = 2;

    /** One survey per visit by construction: the stream id is derived from the visit. */
    public static String streamId(String visitId) {
        return "survey-" + visitId;
    }

    public sealed interface Command {
        /**
         * A closed visit's survey: the visit as VisitClosed describes it (zone null in older events), a fresh id,
         * and how long after the visit closed it can be answered.
         */
        record Offer(UUID surveyId, String visitId, String branch, String counterId, String serviceType, String zone,
                     Instant closedAt, Long waitedSeconds, Long servedSeconds, Duration expiry) implements Command {
        }

        record Submit(int rating, Aspects aspects, String comment, String contactPhone, Instant now) implements Command {
            @Override
            public String toString() {
                return "Submit[rating=" + rating + "]";
            }
        }
    }

    private static final Survey NONE = new Survey(null, false);

    public static final Decider<Command, SurveyEvent, Survey> DECIDER = new Decider<>(NONE, Survey::decide, Survey::evolve);

    public boolean exists() {
        return offer != null;
    }

    static List<SurveyEvent> decide(Command command, Survey state) {
        return switch (command) {
            // a visit has one survey: a second VisitClosed of it finds it offered and adds nothing. It expires a
            // fixed time after the visit closed, so a redelivery or a replay decides the same expiry.
            case Command.Offer o -> state.exists() ? List.of()
                    : List.of(new SurveyOffered(o.surveyId(), o.visitId(), o.branch(), o.counterId(), o.serviceType(),
                    o.closedAt(), o.closedAt().plus(o.expiry()), o.waitedSeconds(), o.servedSeconds(), o.zone()));
            case Command.Submit s -> {
                if (!state.exists()) throw new NotFound("no such survey");
                if (state.answered) throw new RuleViolation("this survey has already been answered");
                if (!s.now().isBefore(state.offer.expiresAt())) throw new SurveyExpired();
                SurveyOffered o = state.offer;
                boolean hasComment = s.comment() != null && !s.comment().isBlank();
                List<SurveyEvent> events = new ArrayList<>(2);
                events.add(new FeedbackSubmitted(o.surveyId(), o.visitId(), o.branch(), o.counterId(), o.serviceType(),
                        s.rating(), s.aspects() == null ? Aspects.NONE : s.aspects(), hasComment, s.now()));
                if (s.rating() <= LOW_SCORE) {
                    events.add(new LowSatisfactionFlagged(o.surveyId(), o.visitId(), o.branch(), o.counterId(),
                            o.serviceType(), s.rating(), hasComment ? s.comment().strip() : null, s.contactPhone()));
                }
                yield events;
            }
        };
    }

    static Survey evolve(Survey state, SurveyEvent event) {
        return switch (event) {
            case SurveyOffered o -> new Survey(o, false);
            case FeedbackSubmitted f -> new Survey(state.offer, true);
            case LowSatisfactionFlagged l -> state;
        };
    }

    public UUID surveyId() {
        return offer == null ? null : offer.surveyId();
    }
}
