package id.loket.system.faults;

import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.faults.Families.Family;
import id.loket.system.faults.Traffic.Kind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static id.loket.system.faults.FaultSettings.ASYNC;
import static id.loket.system.faults.FaultSettings.CRASH_PHASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash mid-load: kiosks issue tickets, a counter calls, starts and closes visits, a payment channel pays family
 * contributions, all at a steady rate; then queue-, membership- and feedback-service are killed with
 * {@code kill -9} at once (feedback as a consumer: its offsets may not be committed), started again, and the
 * load carries on. Clients retry what got no answer, with the same Idempotency-Key or payment reference.
 * Afterwards: every acknowledged request has exactly one event, ticket numbers are unique and contiguous, the
 * ledgers add up, every event is on its topic (re-sends counted), and every consumer's effect happened once.
 */
final class CrashMidLoad {

    static final String BRANCH = "CRSH";
    static final List<Service> KILLED = List.of(QUEUE, MEMBERSHIP, FEEDBACK);

    private CrashMidLoad() {
    }

    static Figures run(LoketSystem system, Map<Service, ServiceDb> dbs) {
        Floor floor = Floor.open(system.url(QUEUE), BRANCH, "AB", FaultSettings.COUNTERS);
        String membership = system.url(MEMBERSHIP);
        List<Family> families = IntStream.range(0, 4).mapToObj(i -> Families.register(membership, false)).toList();
        Families.billAndSuspend(membership);
        Traffic traffic = new Traffic("crash-" + UUID.randomUUID().toString().substring(0, 8), floor, families, membership, true);

        SteadyLoad load = new SteadyLoad()
                .add("kiosk", FaultSettings.TICKET_THREADS, FaultSettings.TICKETS_PER_SECOND, traffic::issueTicket)
                .add("payment-channel", FaultSettings.PAYMENT_THREADS, FaultSettings.PAYMENTS_PER_SECOND, traffic::pay)
                .add("counter", FaultSettings.COUNTERS, FaultSettings.VISITS_PER_SECOND, traffic::serve)
                .start();
        Duration down;
        long ticketsBeforeKill;
        try {
            Instant started = Instant.now();
            await("load before the crash").atMost(ASYNC).until(() -> Duration.between(started, Instant.now()).compareTo(CRASH_PHASE) >= 0
                    && traffic.acknowledged(Kind.TICKET) >= 20 && traffic.acknowledged(Kind.PAYMENT) >= 10
                    && traffic.acknowledged(Kind.CLOSE) >= 2);
            ticketsBeforeKill = traffic.acknowledged(Kind.TICKET);
            long paymentsBeforeKill = traffic.acknowledged(Kind.PAYMENT);

            Instant killed = Instant.now();
            KILLED.forEach(s -> system.process(s).kill());
            KILLED.forEach(s -> assertThat(system.process(s).isAlive()).as(s + " killed").isFalse());
            KILLED.forEach(s -> system.process(s).start());
            for (Service s : KILLED) system.process(s).awaitReady(FaultSettings.READY);
            down = Duration.between(killed, Instant.now());

            Instant restarted = Instant.now();
            long ticketsAtRestart = traffic.acknowledged(Kind.TICKET);
            long paymentsAtRestart = traffic.acknowledged(Kind.PAYMENT);
            await("load after the restart").atMost(ASYNC).until(() -> Duration.between(restarted, Instant.now()).compareTo(CRASH_PHASE) >= 0
                    && traffic.acknowledged(Kind.TICKET) >= ticketsAtRestart + 20
                    && traffic.acknowledged(Kind.PAYMENT) >= paymentsAtRestart + 10);
            assertThat(paymentsBeforeKill).isPositive();
        } finally {
            traffic.giveUpAt = Instant.now().plusSeconds(30);
            load.stop();
        }
        assertThat(load.errors()).as("client threads' own errors").isEmpty();

        Audit audit = new Audit(traffic, dbs, system.bootstrapServers()).queue().membership().consumers(ASYNC).published(ASYNC);
        long retries = traffic.attempts() - traffic.requests();
        Figures figures = new Figures("crash-mid-load")
                .sent(traffic.requests())
                .acknowledged(traffic.acknowledged())
                .events(audit.events).duplicates(audit.duplicates).lost(audit.lost)
                .with("killed", "queue,membership,feedback")
                .with("downMs", down.toMillis())
                .with("tickets", traffic.sent(Kind.TICKET).size() + "/" + traffic.acknowledged(Kind.TICKET))
                .with("ticketsBeforeKill", ticketsBeforeKill)
                .with("payments", traffic.sent(Kind.PAYMENT).size() + "/" + traffic.acknowledged(Kind.PAYMENT))
                // call-next is not retried: pressed while queue-service was down it got no answer
                .with("callNext", traffic.sent(Kind.CALL).size() + "/" + traffic.acknowledged(Kind.CALL))
                .with("visitsClosed", traffic.acknowledged(Kind.CLOSE))
                .with("retries", retries)
                .with("replayed", traffic.sent(Kind.TICKET).stream().filter(Traffic.Sent::replayed).count()
                        + traffic.sent(Kind.PAYMENT).stream().filter(Traffic.Sent::replayed).count())
                .with("doneButUnacknowledged", audit.unacknowledgedStored)
                .with("topicRecords", audit.topicRecords)
                .with("resends", audit.resends)
                .with("surveys", audit.surveys)
                .with("consumed", audit.consumed)
                .with("ticketNumberGaps", audit.ticketNumberGaps)
                .report();
        List<String> unanswered = new ArrayList<>();
        traffic.sent(Kind.TICKET).stream().filter(s -> !s.acknowledged()).forEach(s -> unanswered.add("ticket " + s.correlationId() + " " + s.status()));
        traffic.sent(Kind.PAYMENT).stream().filter(s -> !s.acknowledged()).forEach(s -> unanswered.add("payment " + s.correlationId() + " " + s.status()));
        assertThat(audit.problems).as("audit after the crash; attempts by status " + traffic.attemptStatuses()).isEmpty();
        assertThat(unanswered).as("tickets and payments retried until answered").isEmpty();
        assertThat(figures.lost()).isZero();
        assertThat(figures.duplicates()).isZero();
        return figures;
    }
}
