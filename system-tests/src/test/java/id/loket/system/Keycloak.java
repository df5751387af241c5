package id.loket.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real identity provider of the local stack, as a process of the test JVM: the Keycloak distribution that
 * deploy/loket runs (from Maven Central, unpacked from the zip the build copies) in dev mode, with the realm
 * file deploy/keycloak/loket-realm.json imported as it is, users and clients as a branch has them. Every demo
 * user's password is {@link #password()}, made per test JVM; the kiosk client's secret likewise.
 */
public final class Keycloak implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceProcess process;
    private final String issuer;
    private final String password;
    private final String kioskSecret;
    private final Instant started = Instant.now();

    private Keycloak(ServiceProcess process, String issuer, String password, String kioskSecret) {
        this.process = process;
        this.issuer = issuer;
        this.password = password;
        this.kioskSecret = kioskSecret;
    }

    /** Unpacks (once) and starts Keycloak on a free port; {@link #awaitReady()} waits for its realm. */
    public static Keycloak start() {
        Path root = Path.of(System.getProperty("loket.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("loket.system.logs", "target")).toAbsolutePath().normalize();
        String password = "system-test-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        String kioskSecret = "kiosk-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        try {
            Path home = unpack(Path.of(System.getProperty("loket.keycloak.zip", "target/keycloak/keycloak-quarkus-dist.zip")),
                    logs.resolve("keycloak-dist"));
            // a realm left by an earlier run would not be imported again ("already exists"), and its users would
            // keep that run's password: start from an empty Keycloak database every time
            deleteTree(home.resolve("data/h2"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(root.resolve("deploy/keycloak/loket-realm.json"), home.resolve("data/import/loket-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = FreePorts.next();
            int management = FreePorts.next();
            Map<String, String> env = new HashMap<>();
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "kcadmin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            // the realm file takes the demo users' password and the kiosk's secret from the environment
            env.put("LOKET_DEMO_PASSWORD", password);
            env.put("LOKET_KIOSK_SECRET", kioskSecret);
            ServiceProcess process = ServiceProcess.listening("keycloak", List.of(home.resolve("bin/kc.sh").toString(),
                            "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                            "--http-management-port=" + management, "--import-realm"),
                    env, logs.resolve("keycloak.log"), port);
            process.start();
            return new Keycloak(process, "http://127.0.0.1:" + port + "/realms/loket", password, kioskSecret);
        } catch (IOException e) {
            throw new AssertionError("could not set up Keycloak", e);
        }
    }

    /** Waits (up to 5 minutes: its first start builds itself) until the realm's discovery document answers. */
    public Keycloak awaitReady() {
        Awaitility.await("Keycloak's realm loket").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) throw new AssertionError("Keycloak exited: " + process.tail(40));
                    try {
                        return get(issuer + "/.well-known/openid-configuration").statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
        System.out.printf("KEYCLOAK ready %d s after start (its first start builds itself), RSS %s%n",
                Duration.between(started, Instant.now()).toSeconds(), rss());
        return this;
    }

    /** {@code http://127.0.0.1:<port>/realms/loket}, what the services and branch-web are told to trust. */
    public String issuer() {
        return issuer;
    }

    /** Every demo user's password (so-sda, frontliner-sda-1..3, supervisor-sda, analyst, admin). */
    public String password() {
        return password;
    }

    /** {@code Bearer <access token>} of a demo user, by the password grant of the public client loket-web. */
    public String bearer(String user) {
        return token(Map.of("grant_type", "password", "client_id", "loket-web", "username", user, "password", password));
    }

    /** {@code Bearer <access token>} of the kiosk client (client credentials). */
    public String kioskBearer() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "loket-kiosk", "client_secret", kioskSecret));
    }

    /** The claims of a bearer token, decoded (not verified: the services verify). */
    public static JsonNode claims(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        try {
            return Http.JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.stop();
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new AssertionError("token endpoint answered " + r.statusCode() + ": " + r.body());
            return "Bearer " + Http.JSON.readTree(r.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
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

    private String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) return line.substring(6).trim();
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
