package id.loket.feedback.survey.service;

import id.loket.feedback.QueueTopic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every survey event's metadata names the branch where it happened, the visit's: the offer comes from a consumed
 * VisitClosed and the answer from a participant, neither of whom has a branch of their own.
 */
@QuarkusTest
class EventBranchTest {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theOfferAndTheAnswerNameTheVisitsBranch() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token;
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            token = queue.closeVisitAndAwaitSurvey(visitId, "SBY", "C2", "ADMINISTRATION",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), "Asia/Jakarta");
        }
        given().contentType(ContentType.JSON).body("{\"rating\":1,\"comment\":\"lama sekali\"}")
                .post("/surveys/" + token).then().statusCode(200);

        assertThat(metadataBranches("survey-" + visitId))
                .containsExactly("SurveyOffered SBY", "FeedbackSubmitted SBY", "LowSatisfactionFlagged SBY");
    }

    private List<String> metadataBranches(String stream) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_type, metadata->>'branch' FROM event_store WHERE stream_id = ? ORDER BY version")) {
            ps.setString(1, stream);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }
}
