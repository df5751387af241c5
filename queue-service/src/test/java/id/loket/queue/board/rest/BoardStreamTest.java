package id.loket.queue.board.rest;

import id.loket.platform.test.TestTokens;
import id.loket.queue.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class BoardStreamTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aConnectedDisplayGetsTheBoardAndThenEveryChange() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        Fixtures.issue(branch, "A", "NONE"); // A-001, already waiting when the display connects
        // the TV in the waiting room signs in with the branch's kiosk client token
        String tv = TestTokens.bearer("kiosk-" + branch, branch, "KIOSK");
        try (Display display = Display.connect(URI.create(base + "branches/" + branch + "/board/stream"), tv)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> display.boardWith("\"A-001\""));
            assertThat(display.boardWith("\"B-001\"")).isFalse();
            Fixtures.issue(branch, "B", "NONE");
            await().atMost(Duration.ofSeconds(30)).until(() -> display.boardWith("\"B-001\""));
        }
        // a reconnect starts with the current state
        try (Display again = Display.connect(URI.create(base + "branches/" + branch + "/board/stream"), tv)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> again.boardWith("\"B-001\"") && again.boardWith("\"A-001\""));
        }
        given().get("/branches/NOPE/board/stream").then().statusCode(404);
        // another branch's display is refused before any stream opens
        given().header("Authorization", TestTokens.bearer("kiosk-SBY", "SBY", "KIOSK"))
                .get("/branches/" + branch + "/board/stream").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** A display screen: reads the event stream's data lines in the background. */
    record Display(HttpClient client, InputStream body, List<String> data, Thread reader) implements AutoCloseable {

        static Display connect(URI uri, String authorization) throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Accept", "text/event-stream").header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> data = new CopyOnWriteArrayList<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        if (line.startsWith("data:")) data.add(line.substring(5));
                    }
                } catch (Exception ignored) {
                    // closed by the test
                }
            });
            return new Display(client, response.body(), data, reader);
        }

        boolean boardWith(String text) {
            return data.stream().anyMatch(d -> d.contains(text));
        }

        @Override
        public void close() throws Exception {
            body.close();
            reader.interrupt();
            client.shutdownNow();
        }
    }
}
