package id.loket.system.bench;

import id.loket.system.LoketSystem.Service;
import id.loket.system.pages.BranchFloor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bench/run's console row (not a test of the suite: its name ends in Bench, and bench/run asks for it by name): a
 * frontliner signed in at the real Keycloak works counter SDA-1 through branch-web — call next, start, close,
 * again and again — at a fixed 5 actions a second, and each action's time from request to the whole answer is
 * recorded. branch-web's answer includes its calls to queue-service (and for close, nothing else), so on loopback
 * that is the server time the frontliner waits for. The tickets are taken at the kiosk beforehand.
 *
 * <p>Prints and writes {@code target/console-bench.txt}: {@code CONSOLE n=… p50_ms=… p95_ms=… p99_ms=… max_ms=…
 * errors=…}.
 */
class ConsoleBench {

    private static final Pattern LOGIN_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("\"X-CSRF-TOKEN\": \"([^\"]*)\"");
    private static final Pattern STARTABLE = Pattern.compile("/tiket/([0-9a-f-]{36})/start");
    private static final String COUNTER = "SDA-1";

    private final int actions = Integer.getInteger("loket.bench.console.actions", 420);
    private final double rate = Double.parseDouble(System.getProperty("loket.bench.console.rate", "5"));

    @Test
    void consoleActionsThroughBranchWeb() throws Exception {
        BranchFloor floor = BranchFloor.get();
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String csrf = signIn(browser, floor);

        int visits = actions / 3 + 1;
        String kiosk = floor.kioskToken();
        HttpClient api = HttpClient.newHttpClient();
        for (int i = 0; i < visits; i++) {
            HttpResponse<String> t = api.send(HttpRequest.newBuilder(URI.create(floor.url(Service.QUEUE) + "/tickets"))
                    .header("Authorization", kiosk).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"branch\":\"SDA\",\"serviceType\":\"A\",\"source\":\"KIOSK\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(t.statusCode()).as(t.body()).isBetween(200, 201);
        }
        HttpResponse<String> opened = post(browser, floor, csrf, "/loket/" + COUNTER + "/buka", null, null);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);

        List<Double> millis = new ArrayList<>(); // one frontliner: the actions are sequential
        int errors = 0;
        long interval = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        String ticket = null;
        for (int a = 0; a < actions; a++) {
            long wait = next - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000)); // the fixed rate, not a wait for a result
            next += interval;
            String path;
            String form = null;
            String key = null;
            switch (a % 3) {
                case 0 -> {
                    path = "/loket/" + COUNTER + "/panggil";
                    key = UUID.randomUUID().toString();
                }
                case 1 -> path = "/loket/" + COUNTER + "/tiket/" + ticket + "/start";
                default -> {
                    path = "/loket/" + COUNTER + "/tiket/" + ticket + "/selesai";
                    form = "outcome=SERVED&channel=MOBILE_JKN";
                }
            }
            long t0 = System.nanoTime();
            HttpResponse<String> r = post(browser, floor, csrf, path, form, key);
            millis.add((System.nanoTime() - t0) / 1e6);
            if (r.statusCode() != 200) {
                errors++;
                System.out.println("CONSOLE error " + r.statusCode() + " on " + path + ": " + r.body().substring(0, Math.min(300, r.body().length())));
            }
            if (a % 3 == 0) {
                Matcher m = STARTABLE.matcher(r.body());
                if (!m.find()) throw new AssertionError("call-next answered no ticket to start: " + r.body());
                ticket = m.group(1);
            }
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        String line = String.format(java.util.Locale.ROOT,
                "CONSOLE n=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d rate_per_s=%.1f",
                sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted.getLast(), errors, rate);
        System.out.println(line);
        Path out = Path.of(System.getProperty("loket.system.logs", "target"), "console-bench.txt");
        Files.writeString(out, line + System.lineSeparator());
        assertThat(errors).as("every console action answered").isZero();
    }

    /** The authorization-code flow as a browser goes through it: page → Keycloak's form → back with a session. */
    private static String signIn(HttpClient browser, BranchFloor floor) throws IOException, InterruptedException {
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(floor.webUrl() + "/loket/" + COUNTER)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = LOGIN_ACTION.matcher(login.body());
        if (!action.find()) throw new AssertionError("no Keycloak sign-in form: " + login.statusCode() + " " + login.uri());
        String form = "username=frontliner-sda-1&password=" + URLEncoder.encode(floor.password(), StandardCharsets.UTF_8)
                + "&credentialId=";
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("the console after sign-in").isEqualTo(200);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) throw new AssertionError("no CSRF token on the console page");
        return csrf.group(1);
    }

    private static HttpResponse<String> post(HttpClient browser, BranchFloor floor, String csrf, String path, String form,
                                             String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(floor.webUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form == null ? "" : form));
        if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A browser's cookie jar on loopback: Keycloak marks its sign-in cookies Secure (SameSite=None), which a browser
     * still sends to http://127.0.0.1 (a secure context) but Java's CookieManager would not; so the flag is dropped.
     */
    private static final class LoopbackCookies extends java.net.CookieHandler {
        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
            java.util.Map<String, List<String>> plain = new java.util.HashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure\\b", "")).toList() : values));
            jar.put(uri, plain);
        }
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
