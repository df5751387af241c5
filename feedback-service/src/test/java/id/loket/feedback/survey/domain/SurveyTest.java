package id.loket.feedback.survey.domain;

import id.loket.feedback.survey.domain.SurveyEvent.Aspects;
import id.loket.feedback.survey.domain.SurveyEvent.FeedbackSubmitted;
import id.loket.feedback.survey.domain.SurveyEvent.LowSatisfactionFlagged;
import id.loket.feedback.survey.domain.SurveyEvent.SurveyOffered;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey's rules, pure: answered once, before it expires; a low score is flagged for follow-up. */
class SurveyTest {

    static final UUID SURVEY = UUID.fromString("00000000-0000-0000-0000-00000000005a");
    static final Instant CLOSED = Instant.parse("2026-03-02T03:00:00Z");
    static final Instant EXPIRES = CLOSED.plus(Duration.ofDays(7));
    static final SurveyOffered OFFERED = new SurveyOffered(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", CLOSED, EXPIRES,
            300L, 600L, "Asia/Jakarta");
    static final Instant NOW = CLOSED.plus(Duration.ofHours(2));
    static final Aspects ASPECTS = new Aspects(5, 4, null);

    final DeciderSpec<Survey.Command, SurveyEvent, Survey> survey = DeciderSpec.of(Survey.DECIDER);

    static FeedbackSubmitted submitted(int rating, Aspects aspects, boolean hasComment) {
        return new FeedbackSubmitted(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", rating, aspects, hasComment, NOW);
    }

    static Survey.Command.Offer offer(UUID surveyId) {
        return new Survey.Command.Offer(surveyId, "visit-1", "SDA", "C1", "ADMINISTRASI", "Asia/Jakarta", CLOSED, 300L, 600L,
                Duration.ofDays(7));
    }

    @Test
    void aClosedVisitIsOfferedItsSurveyExpiringAFixedTimeAfterTheVisitClosed() {
        Survey offered = survey.given().when(offer(SURVEY)).then(OFFERED);
        assertThat(offered.exists()).isTrue();
        assertThat(offered.answered()).isFalse();
        // a visit without times or zone (an older VisitClosed) is offered all the same
        survey.given().when(new Survey.Command.Offer(SURVEY, "visit-1", "SDA", null, null, null, CLOSED, null, null,
                Duration.ofDays(2))).then(new SurveyOffered(SURVEY, "visit-1", "SDA", null, null, CLOSED,
                CLOSED.plus(Duration.ofDays(2)), null, null, null));
    }

    @Test
    void aVisitWithItsSurveyAlreadyOfferedIsOfferedNothingMore() {
        survey.given(OFFERED).when(offer(UUID.randomUUID())).thenNothing();
        survey.given(OFFERED, submitted(4, ASPECTS, false)).when(offer(UUID.randomUUID())).thenNothing();
    }

    @Test
    void aGoodRatingIsSubmittedAndTheSurveyIsAnswered() {
        Survey after = survey.given(OFFERED).when(new Survey.Command.Submit(5, ASPECTS, "quick and kind", null, NOW))
                .then(submitted(5, ASPECTS, true));
        assertThat(after.answered()).isTrue();
        assertThat(after.surveyId()).isEqualTo(SURVEY);
    }

    @Test
    void noAspectsAndABlankCommentAreRecordedAsNone() {
        survey.given(OFFERED).when(new Survey.Command.Submit(3, null, "   ", null, NOW)).then(submitted(3, Aspects.NONE, false));
    }

    @Test
    void aLowRatingIsAlsoFlaggedWithTheStrippedCommentAndThePhone() {
        survey.given(OFFERED).when(new Survey.Command.Submit(2, ASPECTS, "  waited too long ", "08123456789", NOW))
                .then(submitted(2, ASPECTS, true),
                        new LowSatisfactionFlagged(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", 2, "waited too long", "08123456789"));
        survey.given(OFFERED).when(new Survey.Command.Submit(1, null, null, null, NOW))
                .then(submitted(1, Aspects.NONE, false),
                        new LowSatisfactionFlagged(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", 1, null, null));
    }

    @Test
    void aSurveyIsAnsweredOnlyOnce() {
        survey.given(OFFERED, submitted(4, ASPECTS, false)).when(new Survey.Command.Submit(5, null, null, null, NOW))
                .thenViolates(RuleViolation.class, "already been answered");
    }

    @Test
    void anExpiredSurveyCannotBeAnsweredFromItsExpiryOn() {
        survey.given(OFFERED).when(new Survey.Command.Submit(5, null, null, null, EXPIRES))
                .thenViolates(SurveyExpired.class, "expired");
        survey.given(OFFERED).when(new Survey.Command.Submit(5, null, null, null, EXPIRES.minusMillis(1)))
                .then(new FeedbackSubmitted(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", 5, Aspects.NONE, false,
                        EXPIRES.minusMillis(1)));
    }

    @Test
    void aSurveyThatWasNeverOfferedIsNotFound() {
        survey.given().when(new Survey.Command.Submit(5, null, null, null, NOW)).thenViolates(NotFound.class, "no such survey");
        assertThat(survey.given().state().exists()).isFalse();
    }

    @Test
    void theFlagLeavesTheAnsweredSurveyAsItIs() {
        Survey answered = survey.given(OFFERED, submitted(2, ASPECTS, true)).state();
        assertThat(survey.given(OFFERED, submitted(2, ASPECTS, true),
                new LowSatisfactionFlagged(SURVEY, "visit-1", "SDA", "C1", "ADMINISTRASI", 2, "x", null)).state()).isEqualTo(answered);
    }
}
