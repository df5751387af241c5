package id.loket.queue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuiltTicketScreeningAndCounterSessionViewsEqualTheLiveOnes() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A", "B");
        String served = Fixtures.issue(branch, "A", "ELDERLY");
        Fixtures.issue(branch, "B", "NONE");
        given().contentType(ContentType.JSON).body("{\"branch\":\"%s\",\"purpose\":\"INFORMATION\"}".formatted(branch))
                .post("/screenings").then().statusCode(201);
        Fixtures.callNext(counter);
        given().post("/tickets/" + served + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"serviceType\":\"B\"}").post("/tickets/" + served + "/transfer")
                .then().statusCode(200);

        given().post("/counters/" + counter + "/close").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"staff\":\"second shift\"}").post("/counters/" + counter + "/open")
                .then().statusCode(200);

        List<String> tickets = rows("SELECT * FROM ticket_view ORDER BY ticket_id");
        List<String> sessions = rows("SELECT * FROM counter_session ORDER BY counter_id");
        List<String> screenings = rows("SELECT * FROM screening_view ORDER BY visit_id");
        given().post("/admin/projections/tickets/rebuild").then().statusCode(200);
        given().post("/admin/projections/screenings/rebuild").then().statusCode(200);
        given().post("/admin/projections/counter_sessions/rebuild").then().statusCode(200);
        assertThat(rows("SELECT * FROM counter_session ORDER BY counter_id")).isEqualTo(sessions);
        assertThat(sessions).anyMatch(r -> r.startsWith(counter + "|") && r.contains("second shift"));
        assertThat(rows("SELECT * FROM ticket_view ORDER BY ticket_id")).isEqualTo(tickets);
        assertThat(rows("SELECT * FROM screening_view ORDER BY visit_id")).isEqualTo(screenings);
        assertThat(tickets).anyMatch(r -> r.contains(served));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) b.append(rs.getString(i)).append('|');
                out.add(b.toString());
            }
        }
        return out;
    }
}
