package id.loket.platform.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Points a {@code @QuarkusTest} application at the JVM's embedded PostgreSQL ({@link TestPostgres}) and
 * in-JVM Kafka broker ({@link TestKafka}), starting them on first use, and creates the service's database.
 *
 * <p>Recommended usage: annotate <b>one</b> test class of the module (any; the annotation applies to all
 * {@code @QuarkusTest} classes of the module, which then share one application boot):
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = LoketTestResource.class,
 *         initArgs = @ResourceArg(name = "database", value = "loket_membership"))
 * class MemberResourceTest { ... }
 * }</pre>
 *
 * {@code @QuarkusTestResource} (not deprecated in Quarkus 3.33; {@code restrictToAnnotatedClass} defaults
 * to {@code false}) makes the resource global. The equivalent with the newer annotation is
 * {@code @WithTestResource(value = LoketTestResource.class, initArgs = ..., scope = TestResourceScope.GLOBAL)};
 * without {@code scope = GLOBAL}, {@code @WithTestResource} defaults to {@code MATCHING_RESOURCES} and only
 * applies to the classes that carry the same annotation (Quarkus 3.33's javadoc still advises
 * {@code @QuarkusTestResource}). Do not use {@code RESTRICTED_TO_CLASS} / {@code restrictToAnnotatedClass =
 * true}: each such class re-augments and restarts the application.
 *
 * <p>Init arg {@code database} (required): the service's database name, e.g. {@code loket_membership}.
 * {@link #start()} returns {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username},
 * {@code quarkus.datasource.password}, {@code kafka.bootstrap.servers}, {@code quarkus.http.test-port=0}
 * the two {@code devservices.enabled=false} keys, and the OIDC keys that make the service trust
 * {@link TestTokens} (RestAssured requests then go signed in as {@link TestTokens#staff()}, see {@link DefaultToken}). <b>Dev Services are decided before test resources
 * start</b>, so a service must also set {@code quarkus.datasource.devservices.enabled=false} and
 * {@code quarkus.kafka.devservices.enabled=false} in its {@code application.properties} (else Quarkus tries
 * Docker). {@link #stop()} does nothing: the servers live as long as the JVM, shared by every application
 * boot (test profiles included) and by plain JUnit tests, and a shutdown hook stops them.
 *
 * <p>Tests may also use {@link TestPostgres#get()} / {@link TestKafka#get()} directly, e.g.
 * {@code TestKafka.get().stop()} to simulate an outage (and {@code start()} in a {@code finally}).
 */
public class LoketTestResource implements QuarkusTestResourceLifecycleManager {

    /** The name of the init arg giving the service's database. */
    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs == null ? null : initArgs.get(DATABASE);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(LoketTestResource.class.getSimpleName()
                    + " needs initArgs = @ResourceArg(name = \"database\", value = \"loket_<service>\")");
        }
        database = value.trim();
    }

    @Override
    public Map<String, String> start() {
        if (database == null) {
            throw new IllegalStateException("init(Map) was not called with the \"database\" arg");
        }
        // start both servers at once: the first start of each takes a few seconds
        CompletableFuture<TestKafka> kafkaStart = CompletableFuture.supplyAsync(TestKafka::get,
                runnable -> new Thread(runnable, "loket-test-kafka-start").start());
        TestPostgres postgres = TestPostgres.get();
        postgres.createDatabase(database);
        TestKafka kafka;
        try {
            kafka = kafkaStart.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
        DefaultToken.install();
        Map<String, String> config = new java.util.HashMap<>(TestTokens.serviceConfig());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.http.test-port", "0",
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.kafka.devservices.enabled", "false"));
        return config;
    }

    @Override
    public void stop() {
        // the servers live as long as the JVM
    }
}
