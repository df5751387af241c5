package id.loket.feedback.survey.domain;

/** The survey's time to answer has passed: answered 410 Gone. */
public class SurveyExpired extends RuntimeException {
    public SurveyExpired() {
        super("this survey has expired");
    }
}
