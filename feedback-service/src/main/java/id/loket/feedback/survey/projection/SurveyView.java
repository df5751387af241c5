package id.loket.feedback.survey.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read model of a survey and its answer, projected from the events. */
@Entity
@Table(name = "survey_view")
public class SurveyView extends PanacheEntityBase {
    @Id
    public UUID surveyId;
    public String visitId;
    public String tokenHash;
    public String branch;
    public String counterId;
    public String serviceType;
    public Instant closedAt;
    /** The branch's zone id (the configured zone for a VisitClosed that named none). */
    public String zoneId;
    /** The visit's business day in the branch's zone. */
    public LocalDate closedDate;
    public Long waitedSeconds;
    public Long servedSeconds;
    public Instant offeredAt;
    public Instant expiresAt;
    public Integer rating;
    public Integer speed;
    public Integer friendliness;
    public Integer solution;
    public boolean hasComment;
    public Instant submittedAt;
    /** The answer's day in the branch's zone. */
    public LocalDate submittedDate;
    public long version;

    public boolean answered() {
        return rating != null;
    }

    public static Optional<SurveyView> byTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public static Optional<SurveyView> byVisit(String visitId) {
        return find("visitId", visitId).firstResultOptional();
    }

    /** The surveys of visits that closed on the business days from..to (inclusive, each in its branch's zone) at one branch. */
    public static List<SurveyView> closedOn(String branch, LocalDate from, LocalDate to) {
        return list("branch = ?1 and closedDate >= ?2 and closedDate <= ?3", branch, from, to);
    }

    /** A branch's answers given today, "today" in each survey's own branch zone (as the CSAT-today gauge counts). */
    public static List<SurveyView> answeredToday(String branch, Instant now) {
        return SurveyView.<SurveyView>list("branch = ?1 and submittedDate >= ?2", branch, BranchToday.earliest(now))
                .stream().filter(v -> BranchToday.isToday(v.submittedDate, v.zoneId, now)).toList();
    }

    @Override
    public String toString() {
        return "SurveyView[" + surveyId + "]"; // never the token hash in a log line
    }
}
