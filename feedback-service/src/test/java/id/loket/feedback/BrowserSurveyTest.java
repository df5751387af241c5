package id.loket.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The survey page in a real browser: headless Chromium (Debian package {@code chromium}) opens /survey/{token}
 * at a phone's size, a mouse click on the fourth star and on "Kirim" (driven over the DevTools protocol, no
 * framework), and the answer must then be stored. Skipped where /usr/bin/chromium is not installed. Leaves
 * screenshots in target/browser/ (src/test/browser/run-survey-page-check.sh copies one to docs/).
 */
@QuarkusTest
class BrowserSurveyTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aParticipantRatesTheVisitOnThePhonePage() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (apt-get install chromium)");
        String visitId = UUID.randomUUID().toString();
        String token;
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            token = queue.closeVisitAndAwaitSurvey(visitId, "Cabang Sidoarjo", "3", "ADMINISTRASI", closedAt,
                    "Asia/Makassar");
        }
        // the page shows when the visit closed in the branch's zone (WITA here), not the phone's nor WIB
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH.mm");
        String witaTime = hhmm.format(closedAt.atZone(ZoneId.of("Asia/Makassar")));
        String wibTime = hhmm.format(closedAt.atZone(ZoneId.of("Asia/Jakarta")));
        Path out = Files.createDirectories(Path.of("target/browser"));
        Path profile = Files.createTempDirectory("loket-chromium-");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--lang=id-ID", "--window-size=412,915", "about:blank")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (DevTools page = DevTools.connect(profile)) {
            page.call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 412, "height", 915, "deviceScaleFactor", 1, "mobile", true));
            page.call("Page.navigate", Map.of("url", "http://localhost:" + RestAssured.port + "/survey/" + token));
            await().atMost(WAIT).ignoreExceptions().until(() -> page.eval(
                    "!document.getElementById('form').hidden && document.getElementById('visit').textContent.length > 0")
                    .asBoolean());
            assertThat(page.eval("document.getElementById('visit').textContent").asText())
                    .contains("Cabang Sidoarjo").contains(witaTime).doesNotContain(wibTime);
            assertThat(page.eval("document.querySelector('[data-t=send]').textContent").asText()).isEqualTo("Kirim");
            assertThat(page.eval("document.querySelectorAll('#rating button').length").asInt()).isEqualTo(5);

            page.click("#rating button[data-value='4']");
            page.click("#speed button[data-value='5']");
            page.click("#comment");
            page.call("Input.insertText", Map.of("text", "Petugas ramah, antrean cepat"));
            assertThat(page.eval("document.querySelectorAll('#rating button[aria-pressed=true]').length").asInt()).isEqualTo(4);
            page.eval("window.scrollTo(0, 0)");
            page.screenshot(out.resolve("feedback-survey-page.png"));

            page.click("#submit");
            await().atMost(WAIT).ignoreExceptions().until(() ->
                    "thanks".equals(page.eval("document.getElementById('message').dataset.t").asText()));
            page.screenshot(out.resolve("feedback-survey-thanks.png"));
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroy);
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) chromium.destroyForcibly();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // the answer the browser sent is stored
        given().get("/surveys/" + token).then().statusCode(200).body("answered", equalTo(true));
        JsonNode comments = new ObjectMapper().readTree(given().queryParam("branch", "Cabang Sidoarjo")
                .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString().substring(0, 10))
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString().substring(0, 10))
                .queryParam("size", 100)
                .get("/satisfaction/comments").then().statusCode(200).extract().asString());
        JsonNode mine = null;
        for (JsonNode item : comments.get("items")) if (visitId.equals(item.get("visitId").asText())) mine = item;
        assertThat(mine).isNotNull();
        assertThat(mine.get("rating").asInt()).isEqualTo(4);
        assertThat(mine.get("comment").asText()).isEqualTo("Petugas ramah, antrean cepat");
    }

    /** A minimal Chrome DevTools protocol client over the JDK's WebSocket: enough to click and look. */
    static final class DevTools implements WebSocket.Listener, AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final StringBuilder frame = new StringBuilder();
        private WebSocket socket;

        static DevTools connect(Path profile) throws Exception {
            Path portFile = profile.resolve("DevToolsActivePort");
            await().atMost(WAIT).until(() -> Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2);
            int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().trim());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String url = null;
            for (JsonNode t : targets) if ("page".equals(t.get("type").asText())) url = t.get("webSocketDebuggerUrl").asText();
            assertThat(url).as("a page target").isNotNull();
            DevTools devTools = new DevTools();
            devTools.socket = http.newWebSocketBuilder().buildAsync(URI.create(url), devTools).get(30, TimeUnit.SECONDS);
            return devTools;
        }

        JsonNode call(String method, Map<String, Object> params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
            message.set("params", JSON.valueToTree(params));
            socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
            JsonNode result = answer.get(60, TimeUnit.SECONDS);
            if (result.has("error")) throw new IllegalStateException(method + ": " + result.get("error"));
            return result.get("result");
        }

        JsonNode eval(String expression) throws Exception {
            JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
            if (r.has("exceptionDetails")) throw new IllegalStateException(expression + ": " + r.get("exceptionDetails"));
            return r.get("result").path("value");
        }

        /** A real mouse click (pressed + released) in the middle of the element, scrolled into view first. */
        void click(String selector) throws Exception {
            String sel = JSON.writeValueAsString(selector);
            JsonNode box = JSON.readTree(eval("(function(){var e=document.querySelector(" + sel + ");"
                    + "e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                    + "return JSON.stringify({x:r.x+r.width/2,y:r.y+r.height/2});})()").asText());
            for (String type : new String[]{"mousePressed", "mouseReleased"}) {
                call("Input.dispatchMouseEvent", Map.of("type", type, "x", box.get("x").asDouble(),
                        "y", box.get("y").asDouble(), "button", "left", "clickCount", 1));
            }
        }

        void screenshot(Path file) throws Exception {
            JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(frame.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(message.get("id").asInt());
                        if (f != null) f.complete(message);
                    }
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                } finally {
                    frame.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            if (socket != null) socket.abort();
        }
    }
}
