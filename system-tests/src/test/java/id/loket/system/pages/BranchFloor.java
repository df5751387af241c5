package id.loket.system.pages;

import id.loket.system.FreePorts;
import id.loket.system.Keycloak;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The branch floor as its staff meet it, started once per test JVM for every page test (and the sign-in test):
 * the real Keycloak with the realm file, the four packaged services trusting it (queue-service with the demo
 * branch SDA, the branch of the realm's demo users), and the packaged branch-web signing people in at that
 * Keycloak and calling the services with their tokens. Everything stops when the JVM ends.
 */
public final class BranchFloor {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BranchFloor floor;
    private static RuntimeException failedToStart;

    private final Keycloak keycloak;
    private final LoketSystem system;
    private final ServiceProcess web;

    private BranchFloor(Keycloak keycloak, LoketSystem system, ServiceProcess web) {
        this.keycloak = keycloak;
        this.system = system;
        this.web = web;
    }

    /** The floor, started at the first call (Keycloak and the services side by side, then branch-web). */
    public static synchronized BranchFloor get() {
        // a floor that did not start fails every later test at once, with the first failure, instead of trying again
        if (failedToStart != null) throw new IllegalStateException("the branch floor did not start", failedToStart);
        if (floor == null) {
            try {
                floor = start();
            } catch (RuntimeException e) {
                failedToStart = e;
                throw e;
            }
        }
        return floor;
    }

    private static BranchFloor start() {
        Path root = Path.of(System.getProperty("loket.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("loket.system.logs", "target")).toAbsolutePath().normalize();
        Path webJar = root.resolve("branch-web/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(webJar)) {
            throw new IllegalStateException("the page tests run the packaged branch-web, and " + webJar + " is missing: "
                    + "./mvnw -B -pl system-tests -am verify packages it first");
        }
        Keycloak keycloak = Keycloak.start();
        LoketSystem system = null;
        ServiceProcess web = null;
        try {
            // the services start meanwhile: one whose issuer is not up yet retries at its first request
            system = LoketSystem.startWithIssuerAndDemoBranch(keycloak.issuer());
            keycloak.awaitReady();
            int port = FreePorts.next();
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
            // the sign-in state and session cookies are encrypted with these (prod profile: no default)
            env.put("QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET", secret());
            env.put("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET", secret());
            env.put("QUARKUS_REST_CLIENT_QUEUE_URL", system.url(Service.QUEUE));
            env.put("QUARKUS_REST_CLIENT_MEMBERSHIP_URL", system.url(Service.MEMBERSHIP));
            env.put("QUARKUS_REST_CLIENT_COMPLAINT_URL", system.url(Service.COMPLAINT));
            env.put("QUARKUS_REST_CLIENT_FEEDBACK_URL", system.url(Service.FEEDBACK));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            web = ServiceProcess.quarkus("branch-web", List.of(java, "-Dsystem-test.component=branch-web", "-Xmx192m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", webJar.toString()), env,
                    logs.resolve("branch-web.log"), port);
            web.start().awaitReady(Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180)));
        } catch (RuntimeException | Error e) {
            if (web != null) web.stop();
            if (system != null) system.close();
            keycloak.close();
            throw e;
        }
        BranchFloor started = new BranchFloor(keycloak, system, web);
        ServiceProcess webProcess = web;
        LoketSystem services = system;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            webProcess.stop();
            services.close();
            keycloak.close();
        }, "branch-floor-stop"));
        return started;
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** {@code http://127.0.0.1:<port>} of branch-web, where a person opens the pages. */
    public String webUrl() {
        return web.baseUrl();
    }

    /** Every demo user's password at this Keycloak. */
    public String password() {
        return keycloak.password();
    }

    /** {@code Bearer <token>} of a demo user, for a test's set-up calls to the services' APIs. */
    public String token(String user) {
        return keycloak.bearer(user);
    }

    /** {@code Bearer <token>} of the kiosk client. */
    public String kioskToken() {
        return keycloak.kioskBearer();
    }

    /** A service's base URL. */
    public String url(Service service) {
        return system.url(service);
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    /** The services' processes: a test may stop one (membership-service, say) and must start it again. */
    public LoketSystem system() {
        return system;
    }

    /** branch-web's process. */
    public ServiceProcess web() {
        return web;
    }

    // ------------------------------------------------------------------------------------ the services' APIs, for set-up

    /** A service's answer to a test's set-up call: its status and JSON body (null when empty). */
    public record Answer(int status, JsonNode body, String text) {
        public Answer expect(int... statuses) {
            for (int s : statuses) if (s == status) return this;
            throw new AssertionError("expected " + java.util.Arrays.toString(statuses) + " but got " + status + ": " + text);
        }
    }

    /** GET {@code path} of {@code service} as {@code user} (a demo user's name, or "kiosk"). */
    public Answer get(Service service, String path, String user, String... headers) {
        return send(service, "GET", path, user, null, headers);
    }

    /** POST {@code json} (null: no body) to {@code path} of {@code service} as {@code user}. */
    public Answer post(Service service, String path, String user, String json, String... headers) {
        return send(service, "POST", path, user, json, headers);
    }

    private Answer send(Service service, String method, String path, String user, String json, String... headers) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url(service) + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", cachedToken(user))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) r.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) r.header(headers[i], headers[i + 1]);
        try {
            HttpResponse<String> answer = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
            String text = answer.body();
            JsonNode body = text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("[")) ? null : JSON.readTree(text);
            return new Answer(answer.statusCode(), body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final Map<String, Map.Entry<String, java.time.Instant>> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A set-up call's token, taken again after a minute (well within Keycloak's access token lifespan). */
    private String cachedToken(String user) {
        Map.Entry<String, java.time.Instant> t = tokens.get(user);
        if (t == null || t.getValue().isBefore(java.time.Instant.now())) {
            t = Map.entry("kiosk".equals(user) ? kioskToken() : token(user), java.time.Instant.now().plusSeconds(60));
            tokens.put(user, t);
        }
        return t.getKey();
    }

    /** A kiosk ticket of {@code serviceType} at SDA: its JSON (number, id, visitId...). */
    public JsonNode issueTicket(String serviceType) {
        return post(Service.QUEUE, "/tickets", "kiosk", "{\"branch\":\"SDA\",\"serviceType\":\"" + serviceType
                + "\",\"source\":\"KIOSK\"}", "Idempotency-Key", UUID.randomUUID().toString()).expect(201).body();
    }

    /**
     * Empties the queue of what {@code counterId} serves before a test's visitor comes, so that "call next" calls the
     * test's own visitor whatever the earlier tests left waiting: the counter (opened for {@code user} if closed) calls,
     * starts and closes every ticket still there, and is left open and idle.
     */
    public void clearQueue(String counterId, String user) {
        String console = "/counters/" + counterId + "/console";
        if ("CLOSED".equals(get(Service.QUEUE, console, user).expect(200).body().path("state").asText())) {
            post(Service.QUEUE, "/counters/" + counterId + "/open", user, "{\"staff\":\"" + user + "\"}").expect(200, 201);
        }
        for (int i = 0; i < 200; i++) {
            JsonNode current = get(Service.QUEUE, console, user).expect(200).body().path("current");
            String ticketId;
            String state;
            if (current.isMissingNode() || current.isNull()) {
                Answer called = post(Service.QUEUE, "/counters/" + counterId + "/call-next", user, null,
                        "Idempotency-Key", UUID.randomUUID().toString()).expect(200, 204);
                if (called.status() == 204) return;
                ticketId = called.body().path("id").asText();
                state = "CALLED";
            } else {
                ticketId = current.path("ticketId").asText();
                state = current.path("state").asText();
            }
            if ("CALLED".equals(state)) post(Service.QUEUE, "/tickets/" + ticketId + "/start", user, null).expect(200);
            post(Service.QUEUE, "/tickets/" + ticketId + "/close", user, "{\"outcome\":\"SERVED\"}").expect(200);
        }
        throw new AssertionError("the queue at " + counterId + " did not empty");
    }

    /** A demo participant by NIK, as a supervisor reads them (their JSON: id, status, accountId...). */
    public JsonNode participant(String nik) {
        return post(Service.MEMBERSHIP, "/participants/search", "supervisor-sda", "{\"nik\":\"" + nik + "\"}",
                "X-Purpose", "visit:page-test").expect(200).body();
    }
}
