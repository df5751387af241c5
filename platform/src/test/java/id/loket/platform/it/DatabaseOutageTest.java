package id.loket.platform.it;

import id.loket.platform.test.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** With the database gone a command fails fast and says "try again" (503), and the service heals by itself. */
@QuarkusTest
class DatabaseOutageTest {

    @Test
    void commandsFailFastWith503WhileTheDatabaseIsDownAndSucceedAfterwards() {
        UUID id = Tallies.open("before-db-outage");
        TestPostgres.get().stop();
        try {
            long started = System.nanoTime();
            given().contentType(ContentType.JSON).body("{\"by\":1}")
                    .post("/tallies/" + id + "/increments")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            // liveness stays up: restarting the process would not bring the database back
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            TestPostgres.get().start();
        }
        // no flush, no restart: the pool replaces its broken connections on its own
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().contentType(ContentType.JSON).body("{\"by\":2}")
                        .post("/tallies/" + id + "/increments").then().statusCode(200));
        given().get("/tallies/" + id).then().statusCode(200).body("total", equalTo(2));
    }
}
