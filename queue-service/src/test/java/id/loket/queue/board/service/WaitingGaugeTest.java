package id.loket.queue.board.service;

import id.loket.queue.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** loket_queue_tickets_waiting{branch, service_type} on /q/metrics follows the queue (refreshed every second in tests). */
@QuarkusTest
class WaitingGaugeTest {

    @Test
    void waitingTicketsPerBranchAndServiceType() {
        String branch = Fixtures.branch("Asia/Makassar");
        for (int i = 0; i < 3; i++) Fixtures.issue(branch, "A", "NONE");
        Fixtures.issue(branch, "B", "ELDERLY");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(waiting(branch, "A")).contains(3.0);
            assertThat(waiting(branch, "B")).contains(1.0);
            assertThat(waiting(branch, "C")).contains(0.0); // a service type nobody waits for reads 0, not nothing
        });
        String counter = Fixtures.openCounter(branch, "A", "B");
        Fixtures.serveNext(counter); // the elderly visitor first
        Fixtures.callNext(counter);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(waiting(branch, "A")).contains(2.0);
            assertThat(waiting(branch, "B")).contains(0.0);
        });
    }

    /** The gauge's value as Prometheus reads it. */
    static Optional<Double> waiting(String branch, String serviceType) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^loket_queue_tickets_waiting\\{([^}]*)} (\\S+)$").matcher(metrics);
        while (m.find()) {
            if (m.group(1).contains("branch=\"" + branch + "\"") && m.group(1).contains("service_type=\"" + serviceType + "\"")) {
                return Optional.of(Double.parseDouble(m.group(2)));
            }
        }
        return Optional.empty();
    }
}
