package id.loket.feedback.survey.projection;

import id.loket.feedback.QueueTopic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SurveyRebuildTest {

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRebuildGivesTheLiveSurveysBackAndTheirLinksStillWork() throws Exception {
        String answeredVisit = UUID.randomUUID().toString();
        String openVisit = UUID.randomUUID().toString();
        String answered;
        String open;
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(30);
            answered = queue.closeVisitAndAwaitSurvey(answeredVisit, "SDA", "C1", "ADMIN", closedAt);
            open = queue.closeVisitAndAwaitSurvey(openVisit, "SDA", "C1", "ADMIN", closedAt);
        }
        given().contentType(ContentType.JSON).body("{\"rating\":3,\"aspects\":{\"speed\":2}}")
                .post("/surveys/" + answered).then().statusCode(200);
        List<String> before = rows();

        given().post("/admin/projections/surveys/rebuild").then().statusCode(200);

        assertThat(rows()).isEqualTo(before);
        // the token look-up is derived again from the survey id under the key: no stored secret needed
        given().get("/surveys/" + answered).then().statusCode(200).body("answered", equalTo(true));
        given().get("/surveys/" + open).then().statusCode(200).body("answered", equalTo(false));
        given().get("/visits/" + openVisit + "/survey").then().statusCode(200)
                .body("pageUrl", equalTo("http://localhost:8084/survey/" + open));
    }

    List<String> rows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT survey_view::text FROM survey_view ORDER BY survey_id")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) out.add(rs.getString(1));
            return out;
        }
    }
}
