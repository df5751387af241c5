package id.loket.platform.test.browser;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.Keys;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser support against a tiny page served by the JDK's HTTP server, in the real Chromium. */
class BrowserSelfTest {

    static final String PAGE = """
            <!doctype html><html lang="id"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>Uji</title></head>
            <body><main><h1>Uji</h1>
            <label for="nik">NIK</label><input id="nik" autocomplete="off">
            <button id="echo" type="button">Salin</button>
            <button id="ping" type="button">Ping</button>
            <p id="out" aria-live="polite"></p><p id="net"></p>
            </main><script>
            document.getElementById('echo').onclick = () =>
                document.getElementById('out').textContent = 'NIK ' + document.getElementById('nik').value;
            document.getElementById('nik').addEventListener('keydown', e => {
                if (e.key === 'Enter') document.getElementById('out').textContent = 'Enter';
            });
            document.getElementById('ping').onclick = () => fetch('/ping', {cache: 'no-store'})
                .then(r => r.text()).then(t => document.getElementById('net').textContent = t)
                .catch(() => document.getElementById('net').textContent = 'gagal');
            console.error('sengaja: galat uji');
            </script></body></html>""";
    static final String INACCESSIBLE = """
            <!doctype html><html><head><title>Buruk</title></head>
            <body><img src="/nothing.png"><input type="text"></body></html>""";

    static HttpServer server;
    static String base;
    static final AtomicInteger pings = new AtomicInteger();
    static final Map<String, String> acceptLanguage = new ConcurrentHashMap<>();
    static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/page", PAGE);
        serve("/bad", INACCESSIBLE);
        server.createContext("/ping", exchange -> {
            pings.incrementAndGet();
            reply(exchange, "text/plain", "pong");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = Browser.open(Device.DESKTOP);
    }

    static void serve(String path, String html) {
        server.createContext(path, exchange -> {
            acceptLanguage.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Accept-Language")));
            reply(exchange, "text/html; charset=utf-8", html);
        });
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (server != null) server.stop(0);
    }

    @Test
    void theViewportAndTheScreenshotHaveTheDevicesSizeAndTheLanguageIsIndonesian() throws IOException {
        browser.go(base + "/page");
        assertEquals(1366L, browser.script("return window.innerWidth"));
        assertEquals(768L, browser.script("return window.innerHeight"));
        assertEquals("id-ID", browser.script("return navigator.language"));
        assertTrue(acceptLanguage.get("/page").startsWith("id-ID"), acceptLanguage.get("/page"));
        assertEquals("Uji", browser.title());
        BufferedImage shot = ImageIO.read(browser.screenshot(Path.of("target/browser/self-desktop.png")).toFile());
        assertEquals(1366, shot.getWidth());
        assertEquals(768, shot.getHeight());

        try (Browser phone = Browser.open(Device.PHONE, "en-US")) {
            phone.go(base + "/page");
            assertEquals(390L, phone.script("return window.innerWidth"));
            assertEquals(844L, phone.script("return window.innerHeight"));
            assertEquals("en-US", phone.script("return navigator.language"));
            BufferedImage phoneShot = ImageIO.read(phone.screenshot(Path.of("target/browser/self-phone.png")).toFile());
            assertEquals(390, phoneShot.getWidth());
            assertEquals(844, phoneShot.getHeight());
        }
    }

    @Test
    void typesClicksPressesKeysAndWaits() {
        browser.go(base + "/page");
        browser.type("#nik", "3515011234560001").click("#echo").waitForText("#out", "NIK 3515011234560001");
        assertEquals("NIK 3515011234560001", browser.text("#out"));
        browser.click("#nik").press(Keys.ENTER).waitForText("#out", "Enter");
        assertEquals(2, browser.findAll("button").size());
        assertTrue(browser.findAll(".none").isEmpty());
    }

    @Test
    void offlineThePageReachesNothingUntilOnlineAgain() {
        browser.go(base + "/page");
        browser.offline();
        try {
            assertEquals(false, browser.script("return navigator.onLine"));
            int before = pings.get();
            browser.click("#ping").waitForText("#net", "gagal");
            assertEquals(before, pings.get(), "no request reached the server while offline");
        } finally {
            browser.online();
        }
        browser.click("#ping").waitForText("#net", "pong");
        assertEquals(true, browser.script("return navigator.onLine"));
    }

    @Test
    void readsWhatThePageLoggedAsErrors() {
        browser.consoleErrors();
        browser.go(base + "/page");
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("sengaja: galat uji")), errors.toString());
    }

    @Test
    void axeFindsNothingSeriousOnAGoodPageAndListsEveryViolationOfABadOne() {
        browser.go(base + "/page");
        browser.assertAccessible();

        browser.go(base + "/bad");
        List<AxeViolation> violations = browser.accessibilityViolations();
        assertTrue(violations.stream().anyMatch(v -> v.id().equals("image-alt") && v.blocking()
                && v.targets().toString().contains("img")), violations.toString());
        AssertionError failure = assertThrows(AssertionError.class, browser::assertAccessible);
        assertTrue(failure.getMessage().contains("image-alt (critical)"), failure.getMessage());
        assertTrue(failure.getMessage().contains("label (critical)"), failure.getMessage());
        assertFalse(failure.getMessage().contains("(moderate)"), failure.getMessage());
    }

    @Test
    void withoutChromiumATestIsSkippedLoudlyAndInCiItFails() {
        Path nowhere = Path.of("/nonexistent/chromium");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertThrows(TestAbortedException.class, () -> Browser.requireInstalled(null, out, nowhere));
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith(
                "BROWSER TESTS NOT RUN: /nonexistent/chromium is missing (apt-get install chromium chromium-driver)"),
                printed.toString(StandardCharsets.UTF_8));
        AssertionError ci = assertThrows(AssertionError.class,
                () -> Browser.requireInstalled("true", out, nowhere));
        assertTrue(ci.getMessage().contains("/nonexistent/chromium is missing"), ci.getMessage());
        Browser.requireInstalled("true", out, Browser.CHROMIUM, Browser.CHROMEDRIVER);
    }

    @Test
    void findsTheRepositoryRoot() {
        assertTrue(Files.exists(Browser.repositoryRoot().resolve("mvnw")));
        assertTrue(Files.isDirectory(Browser.repositoryRoot().resolve("platform-test")));
    }
}
