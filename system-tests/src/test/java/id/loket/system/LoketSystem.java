package id.loket.system;

import id.loket.platform.test.TestKafka;
import id.loket.platform.test.TestPostgres;
import id.loket.platform.test.TestTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole branch as it runs in production, on one machine: one PostgreSQL with the four services' databases
 * (platform-test's {@link TestPostgres}), one Kafka broker ({@link TestKafka}), the civil-registry simulator,
 * and the four services as real processes ({@code java -Xmx256m -jar <svc>/target/quarkus-app/quarkus-run.jar},
 * prod profile), configured by environment the way {@code deploy/loket up} configures them, each on a free
 * port. Every process writes its output to {@code <logs>/<name>.log}.
 *
 * <p>{@link #close()} stops the processes (also run by a JVM shutdown hook, so a test run that dies does not
 * leave them behind); PostgreSQL and Kafka live as long as the test JVM. A fault test can kill and restart one
 * service through {@link #process(Service)}.
 */
public final class LoketSystem implements AutoCloseable {

    /** The four services, in start order. */
    public enum Service {
        QUEUE, MEMBERSHIP, COMPLAINT, FEEDBACK;

        /** {@code queue}, as in {@code loket.queue.events}. */
        public String shortName() {
            return name().toLowerCase();
        }

        /** The module directory and process name, e.g. {@code queue-service}. */
        public String module() {
            return shortName() + "-service";
        }

        public String database() {
            return "loket_" + shortName();
        }

        public String topic() {
            return "loket." + shortName() + ".events";
        }
    }

    /** The NIK hash key every service shares (public: a test may hash a NIK itself). */
    public static final String NIK_HMAC_KEY = "system-test-only-nik-key";
    public static final String FEEDBACK_TOKEN_KEY = "system-test-only-survey-token-key";
    static final String CIVIL_REGISTRY_MAIN = "id.loket.membership.civilregistry.CivilRegistrySimulator";

    private final Map<Service, ServiceProcess> services;
    private final ServiceProcess civilRegistry;
    private final String bootstrapServers;
    private final Thread shutdownHook;

    private LoketSystem(Map<Service, ServiceProcess> services, ServiceProcess civilRegistry, String bootstrapServers) {
        this.services = Collections.unmodifiableMap(services);
        this.civilRegistry = civilRegistry;
        this.bootstrapServers = bootstrapServers;
        this.shutdownHook = new Thread(this::stopAll, "loket-system-stop");
    }

    /**
     * {@link #start(Duration)} with the time the services get to become ready from
     * {@code -Dloket.system.ready-timeout} (seconds; default 180: a few seconds each on a quiet machine, but
     * four JVMs starting side by side on a busy 2-core one take minutes).
     */
    public static LoketSystem start() {
        return start(List.of());
    }

    /**
     * {@link #start()} with extra JVM options for each of the four services, e.g.
     * {@code -Dloket.relay.lag-bound=PT5S}: a fault test that wants an outage to show sooner.
     */
    public static LoketSystem start(List<String> serviceJvmOptions) {
        return start(Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180)), serviceJvmOptions, null, false);
    }

    /**
     * {@link #start()} with the services verifying tokens of a real OIDC issuer (e.g. Keycloak's realm URL)
     * instead of the test JVM's {@link TestTokens}.
     */
    public static LoketSystem startWithIssuer(String issuerUrl) {
        return start(Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180)), List.of(), issuerUrl, false);
    }

    /**
     * {@link #startWithIssuer(String)} with queue-service's demo branch SDA (service types A, B, C, counters
     * SDA-1..SDA-5), the branch of the realm's demo users: what the pages are tested on.
     */
    public static LoketSystem startWithIssuerAndDemoBranch(String issuerUrl) {
        return start(Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180)), List.of(), issuerUrl, true);
    }

    /**
     * Starts PostgreSQL and Kafka (if this JVM has not yet), the simulator and the four services, and returns
     * once every service's {@code /q/health/ready} is UP. On any failure, stops what it started and throws.
     */
    public static LoketSystem start(Duration readyTimeout) {
        return start(readyTimeout, List.of(), null, false);
    }

    private static LoketSystem start(Duration readyTimeout, List<String> serviceJvmOptions, String issuerUrl,
                                     boolean demoBranch) {
        Path root = Path.of(System.getProperty("loket.root", "..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("loket.system.logs", "target")).toAbsolutePath().normalize();
        requirePackaged(root);

        // both servers start at once: each takes a few seconds the first time
        CompletableFuture<TestKafka> kafkaStart = CompletableFuture.supplyAsync(TestKafka::get,
                runnable -> new Thread(runnable, "loket-system-kafka-start").start());
        TestPostgres postgres = TestPostgres.get();
        for (Service s : Service.values()) postgres.createDatabase(s.database());
        TestKafka kafka;
        try {
            kafka = kafkaStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int civilRegistryPort = FreePorts.next();
        Path membershipApp = root.resolve("membership-service/target/quarkus-app");
        ServiceProcess civilRegistry = ServiceProcess.listening("civil-registry",
                List.of(java, "-Dsystem-test.component=civil-registry", "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", membershipApp.resolve("app") + "/*:" + membershipApp.resolve("lib/main") + "/*",
                        CIVIL_REGISTRY_MAIN, Integer.toString(civilRegistryPort)),
                Map.of(), logs.resolve("civil-registry.log"), civilRegistryPort);

        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service s : Service.values()) ports.put(s, FreePorts.next());
        Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(s)));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(s.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("LOKET_PRIVACY_NIK_HMAC_KEY", NIK_HMAC_KEY);
            if (issuerUrl != null) {
                env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuerUrl);
            } else {
                // the services trust this JVM's test key, as they would trust the identity provider's
                env.put("QUARKUS_OIDC_PUBLIC_KEY", TestTokens.publicKey());
                env.put("QUARKUS_OIDC_TOKEN_ISSUER", TestTokens.ISSUER);
            }
            switch (s) {
                case QUEUE -> {
                    env.put("LOKET_QUEUE_DEMO_DATA", Boolean.toString(demoBranch)); // else the test sets up its own
                    env.put("QUARKUS_REST_CLIENT_MEMBERSHIP_URL", "http://127.0.0.1:" + ports.get(Service.MEMBERSHIP));
                }
                case MEMBERSHIP -> {
                    env.put("MEMBERSHIP_CIVIL_REGISTRY_URL", "http://127.0.0.1:" + civilRegistryPort);
                    // the demo branch's participants (one in arrears, one active …), as deploy/loket up has them
                    env.put("LOKET_MEMBERSHIP_DEMO_DATA", Boolean.toString(demoBranch));
                }
                case FEEDBACK -> {
                    env.put("LOKET_FEEDBACK_TOKEN_KEY", FEEDBACK_TOKEN_KEY);
                    // every test request comes from 127.0.0.1: the per-address limit of the public survey routes
                    // would refuse the fault tests' load (SurveyRateLimitTest tests the limit itself)
                    env.put("LOKET_FEEDBACK_RATE_LIMIT_REQUESTS_PER_MINUTE", "1000000");
                    env.put("LOKET_FEEDBACK_PUBLIC_BASE_URL", "http://127.0.0.1:" + ports.get(Service.FEEDBACK));
                }
                case COMPLAINT -> { }
            }
            // -Xmx256m as deploy/loket runs them; C1 only and the serial collector: four JVMs start
            // side by side on two cores, and a short test has no use for C2's peak speed
            List<String> command = new ArrayList<>(List.of(java, "-Dsystem-test.component=" + s.module(), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            command.addAll(serviceJvmOptions);
            command.addAll(List.of("-jar", jar(root, s).toString()));
            services.put(s, ServiceProcess.quarkus(s.module(), command, env, logs.resolve(s.module() + ".log"), ports.get(s)));
        }

        LoketSystem system = new LoketSystem(services, civilRegistry, kafka.bootstrapServers());
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            civilRegistry.start();
            services.values().forEach(ServiceProcess::start); // all at once: one JVM start per service
            Instant deadline = Instant.now().plus(readyTimeout); // one deadline for all: they start side by side
            civilRegistry.awaitReady(Duration.between(Instant.now(), deadline));
            for (ServiceProcess p : services.values()) {
                p.awaitReady(Duration.ofMillis(Math.max(1, Duration.between(Instant.now(), deadline).toMillis())));
            }
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
        return system;
    }

    /** The service's process: its URL, log, and stop / kill / start for fault tests. */
    public ServiceProcess process(Service s) {
        return services.get(s);
    }

    /** {@code http://127.0.0.1:<port>} of the service. */
    public String url(Service s) {
        return services.get(s).baseUrl();
    }

    public ServiceProcess civilRegistry() {
        return civilRegistry;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops every process (SIGTERM, SIGKILL after a grace period), all at once. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or ran
        }
    }

    private void stopAll() {
        List<ServiceProcess> all = new ArrayList<>(services.values());
        all.add(civilRegistry);
        CompletableFuture.allOf(all.stream()
                .map(p -> CompletableFuture.runAsync(p::stop, r -> new Thread(r, "stop-" + p.name()).start()))
                .toArray(CompletableFuture[]::new)).join();
    }

    static Path jar(Path root, Service s) {
        return root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** Fails with what to do when a service has not been packaged (the reactor builds them before this module). */
    static void requirePackaged(Path root) {
        List<String> missing = new ArrayList<>();
        for (Service s : Service.values()) {
            if (!Files.isRegularFile(jar(root, s))) missing.add(jar(root, s).toString());
        }
        if (!Files.isDirectory(root.resolve("membership-service/target/quarkus-app/lib/main"))) {
            missing.add(root.resolve("membership-service/target/quarkus-app/lib/main") + " (the civil-registry simulator's class path)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The system tests run the packaged services, and these are missing:\n  "
                    + String.join("\n  ", missing) + "\nBuild them in the same run: ./mvnw -B verify (everything), or "
                    + "./mvnw -B -pl system-tests -am verify (the services are packaged before this module's tests).");
        }
    }
}
