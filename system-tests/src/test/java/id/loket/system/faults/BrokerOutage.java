package id.loket.system.faults;

import id.loket.platform.test.TestKafka;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.faults.Families.Family;
import id.loket.system.faults.Traffic.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static id.loket.system.faults.FaultSettings.ASYNC;
import static id.loket.system.faults.FaultSettings.BROKER_OUTAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Broker outage: the Kafka broker stops for {@link FaultSettings#BROKER_OUTAGE} while kiosks, a counter and a
 * payment channel keep sending. Every command must still succeed (the outbox takes them), readiness must stay
 * UP (checked once a second on all four services) while the relay health group of the services under load
 * turns DOWN and their lag metric shows the backlog; once the broker is back every event arrives, in order per
 * key, none lost, and the consumers catch up.
 */
final class BrokerOutage {

    static final String BRANCH = "BRKR";
    static final List<Service> LOADED = List.of(QUEUE, MEMBERSHIP);

    private BrokerOutage() {
    }

    static Figures run(LoketSystem system, Map<Service, ServiceDb> dbs) {
        Floor floor = Floor.open(system.url(QUEUE), BRANCH, "AB", FaultSettings.COUNTERS);
        String membership = system.url(MEMBERSHIP);
        List<Family> families = IntStream.range(0, 2).mapToObj(i -> Families.register(membership, false)).toList();
        Traffic traffic = new Traffic("broker-" + UUID.randomUUID().toString().substring(0, 8), floor, families, membership, false);

        List<String> notReady = new ArrayList<>();
        Map<Service, Long> relayDownAfterMs = new EnumMap<>(Service.class);
        Map<Service, Long> maxLag = new EnumMap<>(Service.class);
        long ackedBefore;
        long ackedDuring;
        Duration outage;
        TestKafka kafka = TestKafka.get();
        SteadyLoad load = new SteadyLoad()
                .add("kiosk", FaultSettings.TICKET_THREADS, FaultSettings.TICKETS_PER_SECOND, traffic::issueTicket)
                .add("payment-channel", 1, FaultSettings.PAYMENTS_PER_SECOND, traffic::pay)
                .add("counter", FaultSettings.COUNTERS, FaultSettings.VISITS_PER_SECOND, traffic::serve)
                .start();
        try {
            await("load before the outage").atMost(ASYNC).until(() -> traffic.acknowledged(Kind.TICKET) >= 10
                    && traffic.acknowledged(Kind.PAYMENT) >= 3 && traffic.acknowledged(Kind.CLOSE) >= 1);
            ackedBefore = traffic.acknowledged();
            Instant stopped = Instant.now();
            kafka.stop();
            try {
                // once a second while the broker is away: what an orchestrator and an operator would look at
                for (long n = 1; Duration.between(stopped, Instant.now()).compareTo(BROKER_OUTAGE) < 0; n++) {
                    long elapsed = Duration.between(stopped, Instant.now()).toMillis();
                    for (Service s : Service.values()) {
                        Api.Answer ready = Api.get(system.url(s) + "/q/health/ready");
                        if (ready.status() != 200) notReady.add(s + " at " + elapsed + " ms: " + ready);
                    }
                    for (Service s : LOADED) {
                        Api.Answer relay = Api.get(system.url(s) + "/q/health/group/relay");
                        if (relay.status() == 503) relayDownAfterMs.putIfAbsent(s, elapsed);
                        maxLag.merge(s, lag(system.url(s)), Math::max);
                    }
                    long due = stopped.plusSeconds(n).toEpochMilli() - System.currentTimeMillis();
                    if (due > 0) LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(due)); // pacing the probes
                }
            } finally {
                kafka.start();
            }
            outage = Duration.between(stopped, Instant.now());
            ackedDuring = traffic.acknowledged() - ackedBefore;
            long ackedAtReturn = traffic.acknowledged();
            await("load after the outage").atMost(ASYNC).until(() -> traffic.acknowledged() >= ackedAtReturn + 10);
        } finally {
            load.stop();
        }
        assertThat(load.errors()).as("client threads' own errors").isEmpty();

        Instant back = Instant.now();
        Audit audit = new Audit(traffic, dbs, system.bootstrapServers()).queue().membership().consumers(ASYNC).published(ASYNC);
        long drainedMs = Duration.between(back, Instant.now()).toMillis();
        List<String> relayStillDown = new ArrayList<>();
        for (Service s : LOADED) {
            try {
                await(s + " relay health UP again").atMost(ASYNC).until(() -> Api.get(system.url(s) + "/q/health/group/relay").status() == 200);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                relayStillDown.add(s.toString());
            }
        }
        List<String> failed = traffic.sent(Kind.TICKET).stream().filter(s -> !s.acknowledged()).map(Traffic.Sent::toString).toList();
        List<String> failedOther = new ArrayList<>();
        for (Kind k : List.of(Kind.PAYMENT, Kind.CALL, Kind.START, Kind.CLOSE)) {
            traffic.sent(k).stream().filter(s -> !s.acknowledged()).forEach(s -> failedOther.add(s.toString()));
        }

        Figures figures = new Figures("broker-outage")
                .sent(traffic.requests()).acknowledged(traffic.acknowledged())
                .events(audit.events).duplicates(audit.duplicates).lost(audit.lost)
                .with("outageMs", outage.toMillis())
                .with("acknowledgedDuringOutage", ackedDuring)
                .with("readyNotUp", notReady.size())
                .with("relayDownAfterMs", relayDownAfterMs)
                .with("maxLagEvents", maxLag)
                .with("topicRecords", audit.topicRecords)
                .with("resends", audit.resends)
                .with("surveys", audit.surveys)
                .with("consumed", audit.consumed)
                .with("drainedAndConsumedMs", drainedMs)
                .report();
        assertThat(failed).as("tickets during the outage, attempts by status " + traffic.attemptStatuses()).isEmpty();
        assertThat(failedOther).as("payments and counter calls during the outage").isEmpty();
        assertThat(ackedDuring).as("commands acknowledged while the broker was down").isPositive();
        assertThat(notReady).as("readiness while the broker is down").isEmpty();
        assertThat(relayDownAfterMs).as("relay health group DOWN during the outage").containsKeys(QUEUE, MEMBERSHIP);
        assertThat(maxLag).as("lag metric during the outage").allSatisfy((s, lag) -> assertThat(lag).as(s.toString()).isPositive());
        assertThat(audit.problems).as("audit after the outage").isEmpty();
        assertThat(relayStillDown).as("relay health after the outage").isEmpty();
        assertThat(figures.lost()).isZero();
        return figures;
    }

    /** {@code loket_relay_lag_events} from the service's Prometheus metrics; -1 when it is not there. */
    static long lag(String serviceUrl) {
        Api.Answer metrics = Api.send("GET", serviceUrl + "/q/metrics", null, Api.TIMEOUT, "Accept", "text/plain");
        if (metrics.status() != 200) return -1;
        return metrics.body().lines().filter(l -> l.startsWith("loket_relay_lag_events"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }
}
