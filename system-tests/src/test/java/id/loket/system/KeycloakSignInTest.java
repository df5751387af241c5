package id.loket.system;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.TestTokens;
import id.loket.system.LoketSystem.Service;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four services signing people in against the real identity provider of the local stack: Keycloak (the
 * distribution deploy/loket runs, from Maven Central) with the realm file deploy/keycloak/loket-realm.json,
 * users and clients as a branch has them. Tokens come from Keycloak's token endpoint, and the services verify
 * them with the keys they discover from the realm; a token signed by anyone else is refused.
 */
class KeycloakSignInTest {

    private static final String PASSWORD = "system-test-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final String KIOSK_SECRET = "kiosk-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static ServiceProcess keycloak;
    private static LoketSystem system;
    private static String issuer;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of(System.getProperty("loket.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("loket.system.logs", "target")).toAbsolutePath().normalize();
        Path home = unpack(Path.of(System.getProperty("loket.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")),
                logs.resolve("keycloak-dist"));
        Files.createDirectories(home.resolve("data/import"));
        Files.copy(root.resolve("deploy/keycloak/loket-realm.json"), home.resolve("data/import/loket-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        int port = FreePorts.next();
        int management = FreePorts.next();
        issuer = "http://127.0.0.1:" + port + "/realms/loket";
        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        env.put("LOKET_DEMO_PASSWORD", PASSWORD);
        env.put("LOKET_KIOSK_SECRET", KIOSK_SECRET);
        keycloak = ServiceProcess.listening("keycloak", List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + management, "--import-realm"),
                env, logs.resolve("keycloak.log"), port);
        Instant started = Instant.now();
        keycloak.start();
        // the services start meanwhile: one whose issuer is not up yet retries at its first request
        system = LoketSystem.startWithIssuer(issuer);
        Awaitility.await("Keycloak's realm loket").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!keycloak.isAlive()) throw new AssertionError("Keycloak exited: " + keycloak.tail(40));
                    try {
                        return status(get(issuer + "/.well-known/openid-configuration", null)) == 200;
                    } catch (AssertionError notListeningYet) {
                        return false;
                    }
                });
        System.out.printf("KEYCLOAK ready %d s after start (its first start builds itself), RSS %s%n",
                Duration.between(started, Instant.now()).toSeconds(), rss(keycloak));
    }

    @AfterAll
    static void stop() {
        if (system != null) system.close();
        if (keycloak != null) keycloak.stop();
    }

    @Test
    void aFrontlinerSignedInAtKeycloakIsLetInAndNoTokenIsNot() {
        String complaints = system.process(Service.COMPLAINT).baseUrl();
        String frontliner = password("frontliner-sda-1");
        assertThat(status(get(complaints + "/complaint-categories", frontliner))).isEqualTo(200);
        HttpResponse<String> none = get(complaints + "/complaint-categories", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theTokenCarriesTheRolesAndBranchTheServicesScopeBy() {
        JsonNode claims = claims(password("supervisor-sda"));
        assertThat(claims.path("sub").asText()).isEqualTo("supervisor-sda");
        assertThat(claims.path("branch").asText()).isEqualTo("SDA");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("SUPERVISOR");
        assertThat(claims(password("admin")).has("branch")).as("the administrator is national").isFalse();
    }

    @Test
    void aRoleTheRouteDoesNotOpenIs403AndTheKioskIsNoPerson() {
        String complaints = system.process(Service.COMPLAINT).baseUrl();
        assertThat(status(post(complaints + "/complaints", password("analyst"), "{}"))).isEqualTo(403);
        assertThat(status(get(complaints + "/complaint-categories", clientCredentials()))).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnyoneButTheRealmIsRefused() {
        String membership = system.process(Service.MEMBERSHIP).baseUrl();
        String forged = "Bearer " + TestTokens.token("supervisor-sda", "SDA", "SUPERVISOR");
        assertThat(status(post(membership + "/participants/search", forged, "{\"cardNumber\":\"0001234567890\"}")))
                .isEqualTo(401);
    }

    // ---- Keycloak's token endpoint, as deploy/loket token and a counter front-end use it

    private static String password(String user) {
        return token(Map.of("grant_type", "password", "client_id", "loket-web", "username", user, "password", PASSWORD));
    }

    private static String clientCredentials() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "loket-kiosk", "client_secret", KIOSK_SECRET));
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        try {
            return "Bearer " + Http.JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode claims(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        try {
            return Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    private static HttpResponse<String> post(String url, String authorization, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }

    private static Path unpack(Path zip, Path into) throws IOException {
        if (!Files.exists(zip)) throw new AssertionError("no Keycloak distribution at " + zip + " (the build copies it)");
        Path home = into.resolve("keycloak");
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) return home;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                // keycloak-26.x.y/… → keycloak/…
                String name = e.getName().substring(e.getName().indexOf('/') + 1);
                Path target = home.resolve(name).normalize();
                if (!target.startsWith(home)) throw new IOException("zip entry outside the target: " + e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var scripts = Files.list(home.resolve("bin"))) {
            scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
        }
        return home;
    }

    private static String rss(ServiceProcess p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) return line.substring(6).trim();
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
