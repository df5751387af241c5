package id.loket.complaint.sla.service;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.loket.complaint.Api.get;
import static id.loket.complaint.Api.post;
import static id.loket.complaint.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** loket_complaint_overdue{branch} on /q/metrics follows the complaints' deadlines, in a branch of its own. */
@QuarkusTest
class OverdueGaugeTest {

    @Inject
    TestClock clock;
    @Inject
    OverdueComplaintsGauge gauge;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void countsOpenComplaintsWhoseRunningDeadlineHasPassed() throws Exception {
        clock.setWib("2026-12-07T09:00"); // a Monday
        String branch = Api.newBranch(dataSource);

        // the scheduled refresh finds the new branch on its own: a branch with nothing overdue shows 0
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueOnMetrics(branch) != null);
        assertThat(overdueOnMetrics(branch)).isZero();

        String red = register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER"); // respond within 30 minutes
        String green = register(branch, "INFORMATION", "COUNTER");          // respond within a working day
        Instant redRespondBy = Instant.parse(get(red).extract().path("firstResponseDueAt"));
        Instant redResolveBy = Instant.parse(get(red).extract().path("resolutionDueAt"));
        Instant greenRespondBy = Instant.parse(get(green).extract().path("firstResponseDueAt"));
        assertThat(greenRespondBy).isAfter(redRespondBy.plusSeconds(60));

        clock.set(redRespondBy.minusSeconds(60));
        assertOverdue(branch, 0);

        clock.set(redRespondBy.plusSeconds(60));
        assertOverdue(branch, 1);

        post(red, "respond", "{\"message\":\"Kami sedang menghubungi rumah sakit\"}").statusCode(200);
        assertOverdue(branch, 0);

        clock.set((redResolveBy.isAfter(greenRespondBy) ? redResolveBy : greenRespondBy).plusSeconds(60));
        assertOverdue(branch, 2);

        post(green, "resolve", "{\"resolution\":\"answered\",\"actionTaken\":\"educated on Mobile JKN\"}").statusCode(200);
        assertOverdue(branch, 1);
    }

    @Test
    void metricNamesTheDashboardReadsAreExposed() throws Exception {
        given().get("/complaints/" + java.util.UUID.randomUUID()).then().statusCode(404);
        // the consumers' Kafka client metrics appear once they have joined their group and fetched
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(metrics())
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .contains("http_server_requests_seconds_count{")
                .contains("loket_relay_lag_events ")
                .contains("loket_relay_lag_seconds ")
                .contains("loket_db_oldest_writing_transaction_seconds "));
        Files.writeString(Path.of("target/metrics-sample.txt"), metrics());
    }

    /** Refreshes the gauge now (rather than waiting for its schedule) and compares it with the overdue list. */
    private void assertOverdue(String branch, long expected) {
        gauge.refresh();
        assertThat(overdueOnMetrics(branch)).isEqualTo(expected);
        int listed = given().queryParam("branch", branch).queryParam("overdue", true).get("/complaints")
                .then().statusCode(200).extract().path("total");
        assertThat(listed).isEqualTo((int) expected);
    }

    private static Long overdueOnMetrics(String branch) {
        Matcher m = Pattern.compile("(?m)^loket_complaint_overdue\\{branch=\"" + branch + "\"} (\\S+)$").matcher(metrics());
        return m.find() ? (long) Double.parseDouble(m.group(1)) : null;
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
