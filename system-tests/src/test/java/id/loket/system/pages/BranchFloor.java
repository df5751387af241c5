package id.loket.system.pages;

import id.loket.system.FreePorts;
import id.loket.system.Keycloak;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.ServiceProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The branch floor as its staff meet it, started once per test JVM for every page test (and the sign-in test):
 * the real Keycloak with the realm file, the four packaged services trusting it (queue-service with the demo
 * branch SDA, the branch of the realm's demo users), and the packaged branch-web signing people in at that
 * Keycloak and calling the services with their tokens. Everything stops when the JVM ends.
 */
public final class BranchFloor {

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
}
