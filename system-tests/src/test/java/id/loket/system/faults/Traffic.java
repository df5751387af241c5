package id.loket.system.faults;

import id.loket.system.faults.Families.Family;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The requests of a load test, as a kiosk, a counter front-end and a payment channel send them, and a record
 * of every one: each logical request has its own correlation id (so its events can be found in the store) and,
 * when it is retried, the same Idempotency-Key or payment reference on every attempt.
 *
 * <p>With {@code retry}, a request that got no answer or a 503 (the service is down or restarting) is sent
 * again until it is answered or {@code giveUpAt} passes, as a real client would; without, the first answer
 * counts.
 */
final class Traffic {

    enum Kind { TICKET, PAYMENT, CALL, START, CLOSE }

    /** One logical request: its final answer, after {@code attempts} attempts. */
    record Sent(Kind kind, String correlationId, String id, int attempts, int status, boolean acknowledged,
                boolean replayed, Instant at) {
    }

    static final long PAYMENT_AMOUNT = 5_000;

    final String tag;
    final Floor floor;
    final List<Family> families;
    final String membershipUrl;
    final boolean retry;
    volatile Instant giveUpAt = Instant.MAX;
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> attemptStatuses = new ConcurrentHashMap<>();

    Traffic(String tag, Floor floor, List<Family> families, String membershipUrl, boolean retry) {
        this.tag = tag;
        this.floor = floor;
        this.families = families;
        this.membershipUrl = membershipUrl;
        this.retry = retry;
    }

    /** Kiosk: a ticket of service type A or B, alternately. */
    void issueTicket(int thread, long n) {
        String serviceType = n % 2 == 0 ? "A" : "B";
        String correlationId = tag + "-ticket-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        send(Kind.TICKET, correlationId, () -> floor.issue(serviceType, correlationId, key),
                a -> a.status() == 201 ? a.json().path("id").asText() : null);
    }

    /** Payment channel: 5,000 rupiah to one of the families, under a reference of its own. */
    void pay(int thread, long n) {
        Family family = families.get((int) ((thread + n) % families.size()));
        String reference = tag + "-" + thread + "-" + n;
        String correlationId = tag + "-payment-" + UUID.randomUUID();
        Instant paidAt = Instant.now().minusSeconds(1);
        send(Kind.PAYMENT, correlationId,
                () -> Families.pay(membershipUrl, family.accountId(), PAYMENT_AMOUNT, paidAt, reference, correlationId),
                a -> a.status() == 200 ? reference : null);
    }

    /**
     * Counter front-end: call the next ticket, start, close. call-next is not retried (pressed again it would
     * call another ticket); start and close are, and a 409 after a lost answer is checked against the ticket's
     * state (the lost attempt may have done it). A counter whose earlier visitor is still in hand (a call whose
     * answer was lost, a close that gave up) gets 409 counter-busy naming that visitor: the console serves that
     * one first, as the frontliner would.
     */
    void serve(int counter, long n) {
        String counterId = floor.counters.get(counter);
        String correlationId = tag + "-visit-" + UUID.randomUUID();
        Api.Answer called = floor.callNext(counterId, correlationId);
        count(Kind.CALL, called);
        if (called.status() == 204) return; // nobody waiting
        if (called.status() == 409 && called.json().path("type").asText().endsWith("counter-busy")) {
            String held = called.json().path("ticketId").asText();
            if ("CALLED".equals(called.json().path("ticketState").asText())
                    && !transition(Kind.START, held, correlationId, () -> floor.start(held, correlationId), "SERVING")) return;
            transition(Kind.CLOSE, held, correlationId, () -> floor.close(held, correlationId), "CLOSED");
            return;
        }
        String ticketId = called.status() == 200 ? called.json().path("id").asText() : null;
        record(Kind.CALL, correlationId, ticketId, 1, called);
        if (ticketId == null) return;
        if (!transition(Kind.START, ticketId, correlationId, () -> floor.start(ticketId, correlationId), "SERVING")) return;
        transition(Kind.CLOSE, ticketId, correlationId, () -> floor.close(ticketId, correlationId), "CLOSED");
    }

    private boolean transition(Kind kind, String ticketId, String correlationId, Supplier<Api.Answer> request, String stateAfter) {
        for (int attempts = 1; ; attempts++) {
            Api.Answer a = request.get();
            count(kind, a);
            if (a.ok()) {
                record(kind, correlationId, ticketId, attempts, a);
                return true;
            }
            if (a.status() == 409 && attempts > 1) {
                // did the attempt whose answer was lost do it?
                Api.Answer t = floor.ticket(ticketId);
                boolean done = t.ok() && stateAfter.equals(t.json().path("state").asText());
                sent.add(new Sent(kind, correlationId, ticketId, attempts, a.status(), done, done, Instant.now()));
                return done;
            }
            if (!retryable(a) || !retry || Instant.now().isAfter(giveUpAt)) {
                record(kind, correlationId, ticketId, attempts, a);
                return false;
            }
            pause();
        }
    }

    private void send(Kind kind, String correlationId, Supplier<Api.Answer> request, Function<Api.Answer, String> idOf) {
        for (int attempts = 1; ; attempts++) {
            Api.Answer a = request.get();
            count(kind, a);
            if (a.ok() || !retryable(a) || !retry || Instant.now().isAfter(giveUpAt)) {
                record(kind, correlationId, a.ok() ? idOf.apply(a) : null, attempts, a);
                return;
            }
            pause();
        }
    }

    /** No answer (down, restarting), 503 (database unavailable) or 409 (a concurrent payment won ten times). */
    private static boolean retryable(Api.Answer a) {
        return a.unreachable() || a.status() == 503 || a.status() == 409;
    }

    private void record(Kind kind, String correlationId, String id, int attempts, Api.Answer a) {
        boolean replayed = "true".equals(a.header("Idempotent-Replayed"))
                || (a.ok() && kind == Kind.PAYMENT && a.json().path("duplicate").asBoolean());
        sent.add(new Sent(kind, correlationId, id, attempts, a.status(), a.ok() && id != null, replayed, Instant.now()));
    }

    private void count(Kind kind, Api.Answer a) {
        attemptStatuses.computeIfAbsent(kind + ":" + a.status(), k -> new LongAdder()).increment();
    }

    private static void pause() {
        try {
            Thread.sleep(200); // a client's back-off between retries
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Sent> sent(Kind kind) {
        return sent.stream().filter(s -> s.kind() == kind).toList();
    }

    long acknowledged(Kind kind) {
        return sent.stream().filter(s -> s.kind() == kind && s.acknowledged()).count();
    }

    /** How often each kind of request got each status, over all attempts (0: no answer). */
    Map<String, Long> attemptStatuses() {
        Map<String, Long> out = new TreeMap<>();
        attemptStatuses.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    long acknowledged() {
        return sent.stream().filter(Sent::acknowledged).count();
    }

    long attempts() {
        return sent.stream().mapToLong(Sent::attempts).sum();
    }

    long requests() {
        return sent.size();
    }
}
