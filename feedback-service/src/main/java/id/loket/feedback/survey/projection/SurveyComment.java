package id.loket.feedback.survey.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What a participant wrote with the answer; kept only here, never in an event, not rebuilt (see V1__surveys.sql). */
@Entity
@Table(name = "survey_comment")
public class SurveyComment extends PanacheEntityBase {
    @Id
    public UUID surveyId;
    public String comment;
    public String contactPhone;
    public Instant writtenAt;

    @Override
    public String toString() {
        return "SurveyComment[" + surveyId + "]"; // no free text or phone in logs
    }
}
