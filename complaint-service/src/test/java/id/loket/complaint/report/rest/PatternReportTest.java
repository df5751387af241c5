package id.loket.complaint.report.rest;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static id.loket.complaint.Api.post;
import static id.loket.complaint.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * The pattern report against a known set, in a branch of its own. Week of Monday 5 October 2026, compared
 * with the week before:
 * <pre>
 * previous  INFORMATION COUNTER  29 Sep
 * C1        INFORMATION COUNTER  Mon 09:00, resolved Mon 11:00                       2 h, within SLA
 * C2        INFORMATION PANDAWA  Mon 09:00, resolved Tue 09:00                      24 h, within SLA
 * C3        INFORMATION COUNTER  Tue 09:00, resolved Tue 13:00, reopened Wed 09:00,
 *                                resolved again Wed 10:00                            25 h, within SLA, reopened
 * C4        HEALTH_SERVICE (red) COUNTER Wed 09:00 (due Thu 15:00), resolved Fri 09:00 48 h, late
 * C5        INFORMATION MOBILE_JKN Thu 09:00, open
 * </pre>
 */
@QuarkusTest
class PatternReportTest {

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;

    static String branch;

    @BeforeEach
    void knownSet() throws Exception {
        if (branch != null) return;
        String b = Api.newBranch(dataSource);
        clock.setWib("2026-09-29T09:00");
        register(b, "INFORMATION", "COUNTER");

        clock.setWib("2026-10-05T09:00");
        String c1 = register(b, "INFORMATION", "COUNTER");
        String c2 = register(b, "INFORMATION", "PANDAWA");
        clock.setWib("2026-10-05T11:00");
        resolve(c1);
        clock.setWib("2026-10-06T09:00");
        resolve(c2);
        String c3 = register(b, "INFORMATION", "COUNTER");
        clock.setWib("2026-10-06T13:00");
        resolve(c3);
        clock.setWib("2026-10-07T09:00");
        post(c3, "reopen", "{\"reason\":\"not answered fully\"}").statusCode(200);
        String c4 = register(b, "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        post(c4, "documents", "{\"type\":\"JKN_CARD\"}").statusCode(200);
        post(c4, "documents", "{\"type\":\"SUPPORTING_EVIDENCE\"}").statusCode(200);
        clock.setWib("2026-10-07T10:00");
        resolve(c3);
        clock.setWib("2026-10-08T09:00");
        register(b, "INFORMATION", "MOBILE_JKN");
        clock.setWib("2026-10-09T09:00");
        resolve(c4);
        branch = b;
    }

    static void resolve(String id) {
        post(id, "resolve", "{\"resolution\":\"answered\",\"actionTaken\":\"informed\"}").statusCode(200);
    }

    static String url(String groupBy) {
        return "/reports/complaint-patterns?from=2026-10-05&to=2026-10-11&groupBy=" + groupBy + "&branch=" + branch;
    }

    @Test
    void byCategory() {
        given().get(url("category")).then().statusCode(200)
                .body("total", equalTo(5))
                .body("previousTotal", equalTo(1))
                .body("previousFrom", equalTo("2026-09-28"))
                .body("previousTo", equalTo("2026-10-04"))
                .body("rows[0].group", equalTo("INFORMATION"))
                .body("rows[0].count", equalTo(4))
                .body("rows[0].sharePercent", equalTo(80.0f))
                .body("rows[0].resolved", equalTo(3))
                .body("rows[0].medianHoursToResolve", equalTo(24.0f))
                .body("rows[0].p90HoursToResolve", equalTo(25.0f))
                .body("rows[0].slaCompliancePercent", equalTo(100.0f))
                .body("rows[0].reopenRatePercent", equalTo(25.0f))
                .body("rows[0].previousCount", equalTo(1))
                .body("rows[0].trendPercent", equalTo(300.0f))
                .body("rows[1].group", equalTo("HEALTH_SERVICE_COMPLAINT"))
                .body("rows[1].count", equalTo(1))
                .body("rows[1].sharePercent", equalTo(20.0f))
                .body("rows[1].medianHoursToResolve", equalTo(48.0f))
                .body("rows[1].slaCompliancePercent", equalTo(0.0f))
                .body("rows[1].reopenRatePercent", equalTo(0.0f))
                .body("rows[1].previousCount", equalTo(0))
                .body("rows[1].trendPercent", nullValue());
    }

    @Test
    void byChannelAndWeek() {
        given().get(url("channel")).then().statusCode(200)
                .body("rows.group", equalTo(java.util.List.of("COUNTER", "MOBILE_JKN", "PANDAWA")))
                .body("rows[0].count", equalTo(3))
                .body("rows[0].medianHoursToResolve", equalTo(25.0f))
                .body("rows[0].p90HoursToResolve", equalTo(48.0f))
                .body("rows[0].slaCompliancePercent", equalTo(66.7f))
                .body("rows[0].trendPercent", equalTo(200.0f))
                .body("rows[1].resolved", equalTo(0))
                .body("rows[1].medianHoursToResolve", nullValue())
                .body("rows[1].slaCompliancePercent", nullValue());
        given().get(url("week")).then().statusCode(200)
                .body("rows.size()", equalTo(1))
                .body("rows[0].group", equalTo("2026-W41"))
                .body("rows[0].count", equalTo(5))
                .body("rows[0].previousCount", equalTo(0));
    }

    @Test
    void asCsv() {
        String csv = given().accept("text/csv").get(url("category")).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(
                "group,count,share_percent,resolved,median_hours_to_resolve,p90_hours_to_resolve,sla_compliance_percent,reopen_rate_percent,previous_count,trend_percent",
                "INFORMATION,4,80.0,3,24.0,25.0,100.0,25.0,1,300.0",
                "HEALTH_SERVICE_COMPLAINT,1,20.0,1,48.0,48.0,0.0,0.0,0,");
    }

    @Test
    void badParametersAreA400NamingTheField() {
        given().get("/reports/complaint-patterns?from=2026-10-05&to=2026-10-11&groupBy=colour").then().statusCode(400)
                .body("errors.field", hasItem("groupBy"));
        given().get("/reports/complaint-patterns?from=5/10/2026&to=2026-10-11").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        given().get("/reports/complaint-patterns?from=2026-10-12&to=2026-10-11").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        given().get("/reports/complaint-patterns?to=2026-10-11").then().statusCode(400)
                .body("errors.field", hasItem("from"));
    }
}
