package id.loket.system.faults;

import id.loket.platform.test.TestPostgres;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.faults.Families.Family;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static id.loket.system.LoketSystem.Service.COMPLAINT;
import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static id.loket.system.faults.Api.obj;
import static id.loket.system.faults.FaultSettings.ASYNC;
import static id.loket.system.faults.FaultSettings.DATABASE_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Database outage: PostgreSQL (all four services' databases) stops for {@link FaultSettings#DATABASE_OUTAGE}.
 * Once a second each service gets one of its commands (the four side by side): every answer must be a quick 503 problem+json with
 * Retry-After (not a hang, not a 500), readiness DOWN and liveness UP (a restart would not help). Then the
 * database comes back and each service must heal by itself: its command succeeds again, its relay publishes
 * and its consumers consume (a visit closed afterwards gets its survey). Nothing a rejected command sent was
 * stored.
 */
final class DatabaseOutage {

    static final String BRANCH = "DBO";
    /** A command that took longer than this to be refused was hanging, not failing fast. */
    static final Duration FAST = Duration.ofSeconds(10);

    record Probe(Service service, int status, String contentType, String retryAfter, long tookMs) {
    }

    private DatabaseOutage() {
    }

    static Figures run(LoketSystem system, Map<Service, ServiceDb> dbs) {
        // the visits use service type A at the one counter; the probes' tickets (B) wait where nobody calls them
        Floor floor = Floor.open(system.url(QUEUE), BRANCH, "AB", 0);
        String counter = floor.addCounter(List.of("A"));
        Family family = Families.register(system.url(MEMBERSHIP), false);
        String token = surveyToken(system, floor.visit(counter, "A"));

        // one command per service; each call a new request with its own correlation id
        Map<Service, Function<String, Api.Answer>> commands = new EnumMap<>(Service.class);
        commands.put(QUEUE, correlationId -> floor.issue("B", correlationId, UUID.randomUUID().toString()));
        commands.put(MEMBERSHIP, correlationId -> Families.pay(system.url(MEMBERSHIP), family.accountId(), 5_000,
                Instant.now().minusSeconds(1), "dbo-" + UUID.randomUUID(), correlationId));
        commands.put(COMPLAINT, correlationId -> Api.post(system.url(COMPLAINT) + "/complaints", obj("channel", "COUNTER",
                "branch", "SDA", "category", "INFORMATION", "description", "Tanya status kepesertaan (database outage test)"),
                "X-Correlation-Id", correlationId));
        commands.put(FEEDBACK, correlationId -> Api.post(system.url(FEEDBACK) + "/surveys/" + token, obj("rating", 5),
                "X-Correlation-Id", correlationId));

        List<Probe> probes = new CopyOnWriteArrayList<>();
        List<String> rejectedIds = new CopyOnWriteArrayList<>();
        List<String> health = new CopyOnWriteArrayList<>();
        // once a second per service, side by side: its command, then readiness and liveness
        SteadyLoad probing = new SteadyLoad();
        for (Service s : Service.values()) {
            probing.add("probe-" + s.shortName(), 1, 1.0, (thread, n) -> {
                String correlationId = "dbo-outage-" + UUID.randomUUID();
                rejectedIds.add(s + " " + correlationId);
                Api.Answer a = commands.get(s).apply(correlationId);
                probes.add(new Probe(s, a.status(), a.contentType(), a.header("Retry-After"), a.took().toMillis()));
                Api.Answer ready = Api.get(system.url(s) + "/q/health/ready");
                Api.Answer live = Api.get(system.url(s) + "/q/health/live");
                if (ready.status() != 503) health.add(s + " ready " + ready.status());
                if (live.status() != 200) health.add(s + " live " + live.status());
            });
        }
        TestPostgres postgres = TestPostgres.get();
        Instant stopped = Instant.now();
        postgres.stop();
        Instant back;
        try {
            probing.start();
            await("the outage").atMost(DATABASE_OUTAGE.plus(ASYNC)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Duration.between(stopped, Instant.now()).compareTo(DATABASE_OUTAGE) >= 0
                            && Arrays.stream(Service.values()).allMatch(s -> probes.stream().filter(p -> p.service() == s).count() >= 3));
        } finally {
            probing.stop();
            postgres.start();
            back = Instant.now();
        }
        assertThat(probing.errors()).as("probes' own errors").isEmpty();
        Duration outage = Duration.between(stopped, back);

        // each service heals by itself: no restart, no flush
        Map<Service, CompletableFuture<Long>> recovery = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            recovery.put(s, CompletableFuture.supplyAsync(() -> {
                await(s + " takes commands again").atMost(ASYNC).pollInterval(Duration.ofMillis(250))
                        .until(() -> commands.get(s).apply("dbo-after-" + UUID.randomUUID()).ok());
                long ms = Duration.between(back, Instant.now()).toMillis();
                await(s + " ready again").atMost(ASYNC).until(() -> Api.get(system.url(s) + "/q/health/ready").status() == 200);
                return ms;
            }, r -> new Thread(r, "recovery-" + s.shortName()).start()));
        }
        Map<Service, Long> recoveredAfterMs = new EnumMap<>(Service.class);
        recovery.forEach((s, f) -> recoveredAfterMs.put(s, f.join()));
        // relay and consumers too: a visit closed now is published by queue and offered a survey by feedback
        String after = floor.visit(counter, "A");
        surveyToken(system, after);

        long stored = 0;
        for (String r : rejectedIds) {
            String[] parts = r.split(" ");
            stored += dbs.get(Service.valueOf(parts[0])).number("SELECT count(*) FROM event_store WHERE metadata->>'correlationId' = ?", parts[1]);
        }
        Map<String, Long> statuses = new TreeMap<>();
        probes.forEach(p -> statuses.merge(p.service() + ":" + p.status(), 1L, Long::sum));
        long maxMs = probes.stream().mapToLong(Probe::tookMs).max().orElse(0);
        List<Probe> wrong = probes.stream().filter(p -> p.status() != 503 || !p.contentType().startsWith("application/problem+json")
                || !"5".equals(p.retryAfter()) || p.tookMs() > FAST.toMillis()).toList();

        Figures figures = new Figures("database-outage")
                .sent(probes.size()).acknowledged(probes.stream().filter(p -> p.status() == 503).count())
                .events(stored).duplicates(0).lost(0)
                .with("outageMs", outage.toMillis())
                .with("answers", statuses)
                .with("maxAnswerMs", maxMs)
                .with("recoveredAfterMs", recoveredAfterMs)
                .report();
        assertThat(probes).as("commands during the outage").isNotEmpty();
        assertThat(wrong).as("every command refused quickly (< " + FAST.toSeconds() + " s) with 503 problem+json and Retry-After: 5").isEmpty();
        assertThat(health).as("readiness DOWN, liveness UP during the outage").isEmpty();
        assertThat(stored).as("events stored by refused commands").isZero();
        return figures;
    }

    /** The survey of a closed visit (feedback-service offers it from VisitClosed): its token, from the page link. */
    static String surveyToken(LoketSystem system, String visitId) {
        String pageUrl = await("survey of visit " + visitId).atMost(ASYNC).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Api.Answer a = Api.get(system.url(FEEDBACK) + "/visits/" + visitId + "/survey");
                    return a.status() == 200 ? a.json().path("pageUrl").asText() : null;
                }, url -> url != null);
        return pageUrl.substring(pageUrl.lastIndexOf('/') + 1);
    }
}
