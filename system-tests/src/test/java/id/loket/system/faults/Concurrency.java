package id.loket.system.faults;

import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import id.loket.system.faults.Families.Family;
import id.loket.system.faults.ServiceDb.Event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static id.loket.system.faults.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency: requests that race for the same thing, released at the same instant. No double effects: each
 * ticket called once however many counters call at once; concurrent payments to one family account settle no
 * month twice and lose no rupiah; a survey answered twice at once is answered once, and the other answer is a 409.
 */
final class Concurrency {

    static final int CALLS = 50;
    static final int TICKETS = 40;
    static final int COUNTERS = 50;
    static final int PAYMENTS = 20;
    static final int SURVEYS = 5;

    private Concurrency() {
    }

    /**
     * 50 call-next at once at 50 counters of one queue holding 40 tickets: 40 called once each, 10 find nobody. (A
     * counter holds one visitor at a time, so the race is between counters; a second call at a counter that still
     * has its visitor is a 409 naming that visitor, checked at the end.)
     */
    static Figures callNext(LoketSystem system, Map<Service, ServiceDb> dbs) {
        Floor floor = Floor.open(system.url(QUEUE), "CONC", "A", COUNTERS);
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < TICKETS; i++) {
            issued.add(floor.issue("A", "conc-ticket-" + UUID.randomUUID(), UUID.randomUUID().toString()).expect(201).path("id").asText());
        }
        List<Api.Answer> answers = all(CALLS, i -> () -> floor.callNext(floor.counters.get(i % COUNTERS), "conc-call-" + UUID.randomUUID()));

        List<String> called = answers.stream().filter(a -> a.status() == 200).map(a -> a.json().path("id").asText()).toList();
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Api.Answer::status, TreeMap::new, Collectors.counting()));
        List<Event> calls = dbs.get(QUEUE).events("event_type = 'TicketCalled' AND payload->>'branch' = ?", "CONC");
        Map<String, Long> callsPerTicket = calls.stream().collect(Collectors.groupingBy(Event::streamId, Collectors.counting()));
        long twice = callsPerTicket.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long lost = called.stream().filter(id -> !callsPerTicket.containsKey("ticket-" + id)).count();

        Figures figures = new Figures("concurrency-call-next")
                .sent(CALLS).acknowledged(called.size()).events(calls.size()).duplicates(twice + called.size() - new HashSet<>(called).size())
                .lost(lost)
                .with("counters", COUNTERS).with("tickets", TICKETS).with("answers", statuses)
                .report();
        assertThat(statuses).as("answers to 50 call-next over 40 tickets").isEqualTo(Map.of(200, (long) TICKETS, 204, (long) (CALLS - TICKETS)));
        assertThat(new HashSet<>(called)).as("each ticket called by exactly one counter").hasSize(TICKETS).isEqualTo(issued);
        assertThat(callsPerTicket).as("TicketCalled per ticket in the store").hasSize(TICKETS).allSatisfy((t, n) -> assertThat(n).as(t).isEqualTo(1));
        String busy = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow().json().path("counterId").asText();
        Api.Answer again = floor.callNext(busy, "conc-call-again-" + UUID.randomUUID());
        assertThat(again.status()).as("a second call at a counter that has its visitor").isEqualTo(409);
        assertThat(again.json().path("ticketId").asText()).as("the 409 names the counter's visitor").isIn(called);
        return figures;
    }

    /**
     * 20 payments at once to one family account (head and wife, three months in arrears), plus the first one
     * sent twice (the same reference): together more than the arrears and the current month, so the family is
     * reactivated, once.
     */
    static Figures payments(LoketSystem system, Map<Service, ServiceDb> dbs) {
        String membership = system.url(MEMBERSHIP);
        Family family = Families.register(membership, true);
        Families.billAndSuspend(membership);
        ServiceDb db = dbs.get(MEMBERSHIP);
        List<Event> bills = db.events("event_type = 'ContributionBilled' AND payload->>'accountId' = ?", family.accountId());
        long owed = bills.stream().mapToLong(b -> b.payload().path("amount").asLong()).sum();
        long lastBill = bills.getLast().payload().path("amount").asLong();
        long amount = (owed + lastBill + 10_000 + PAYMENTS - 1) / PAYMENTS;
        assertThat(owed).as("three months billed").isPositive();

        String tag = "conc-pay-" + UUID.randomUUID().toString().substring(0, 8);
        Instant paidAt = Instant.now().minusSeconds(1);
        List<Api.Answer> answers = all(PAYMENTS + 1, i -> () -> {
            String reference = tag + "-" + (i == PAYMENTS ? 0 : i); // the last one repeats the first reference
            Api.Answer a;
            int conflicts = 0;
            do { // a payment that lost the race ten times in a row gets a 409: the channel sends it again
                a = Families.pay(membership, family.accountId(), amount, paidAt, reference, tag + "-request-" + i);
            } while (a.status() == 409 && ++conflicts < 20);
            return a;
        });

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Api.Answer::status, TreeMap::new, Collectors.counting()));
        long duplicateAnswers = answers.stream().filter(a -> a.status() == 200 && a.json().path("duplicate").asBoolean()).count();
        List<Event> paid = db.events("event_type = 'ContributionPaid' AND stream_id LIKE ?", "payment-" + tag + "-%");
        List<Event> allocations = db.events("stream_id = ? AND event_type = 'PaymentAllocated'", "account-" + family.accountId());
        long paidIn = allocations.stream().mapToLong(e -> e.payload().path("amount").asLong()).sum();
        Map<String, Long> settled = new TreeMap<>();
        allocations.forEach(e -> e.payload().path("settled").forEach(s -> settled.merge(s.path("month").asText(), s.path("amount").asLong(), Long::sum)));
        Map<String, Long> billed = bills.stream().collect(Collectors.toMap(b -> b.payload().path("month").asText(), b -> b.payload().path("amount").asLong(), Long::sum, TreeMap::new));
        long credit = allocations.isEmpty() ? 0 : allocations.getLast().payload().path("creditAfter").asLong();
        long settledSum = settled.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> reactivations = new TreeMap<>();
        for (String p : family.participantIds()) {
            reactivations.put(p, (long) db.events("stream_id = ? AND event_type = 'ParticipantReactivated'", "participant-" + p).size());
        }
        long allocatedRefs = allocations.stream().map(e -> e.payload().path("reference").asText()).distinct().count();

        Figures figures = new Figures("concurrency-payments")
                .sent(PAYMENTS + 1).acknowledged(statuses.getOrDefault(200, 0L)).events(paid.size())
                .duplicates(paid.size() - PAYMENTS > 0 ? paid.size() - PAYMENTS : allocations.size() - allocatedRefs)
                .lost(Math.max(0, PAYMENTS - allocatedRefs))
                .with("answers", statuses).with("duplicateAnswers", duplicateAnswers)
                .with("owed", owed).with("paid", paidIn).with("settled", settledSum).with("credit", credit)
                .with("reactivated", reactivations.values().stream().mapToLong(Long::longValue).sum() + "/" + family.participantIds().size())
                .report();
        assertThat(statuses).as("answers to 21 payments, retried on conflict").isEqualTo(Map.of(200, (long) PAYMENTS + 1));
        assertThat(duplicateAnswers).as("the reference sent twice is one payment").isEqualTo(1);
        assertThat(paid).as("ContributionPaid, one per reference").hasSize(PAYMENTS);
        assertThat(allocations).as("PaymentAllocated, one per payment").hasSize(PAYMENTS);
        assertThat(allocatedRefs).isEqualTo(PAYMENTS);
        assertThat(paidIn).isEqualTo(PAYMENTS * amount);
        assertThat(settledSum + credit).as("settled + credit = paid").isEqualTo(paidIn);
        assertThat(settled).as("settled per month: each bill exactly once").isEqualTo(billed);
        assertThat(reactivations).as("ParticipantReactivated per member").allSatisfy((p, n) -> assertThat(n).as(p).isEqualTo(1));
        return figures;
    }

    /** Five surveys, each answered twice at the same instant: per survey one 200 and one 409, one FeedbackSubmitted. */
    static Figures surveys(LoketSystem system, Map<Service, ServiceDb> dbs) {
        Floor floor = Floor.open(system.url(QUEUE), "CONS", "A", 1);
        List<String> visits = new ArrayList<>();
        for (int i = 0; i < SURVEYS; i++) visits.add(floor.visit(floor.counters.getFirst(), "A"));
        List<String> tokens = visits.stream().map(v -> DatabaseOutage.surveyToken(system, v)).toList();

        List<Api.Answer> answers = all(SURVEYS * 2, i -> () -> Api.post(system.url(FEEDBACK) + "/surveys/" + tokens.get(i / 2),
                obj("rating", 4 + i % 2, "comment", "jawaban " + i)));
        List<String> problems = new ArrayList<>();
        long submitted = 0;
        long twice = 0;
        for (int s = 0; s < SURVEYS; s++) {
            List<Integer> pair = List.of(answers.get(2 * s).status(), answers.get(2 * s + 1).status()).stream().sorted().toList();
            if (!pair.equals(List.of(200, 409))) problems.add("survey " + visits.get(s) + " answered " + pair);
            Api.Answer conflict = answers.get(2 * s).status() == 409 ? answers.get(2 * s) : answers.get(2 * s + 1);
            if (conflict.status() == 409 && !conflict.contentType().startsWith("application/problem+json")) {
                problems.add("409 is not problem+json: " + conflict);
            }
            long n = dbs.get(FEEDBACK).events("stream_id = ? AND event_type = 'FeedbackSubmitted'", "survey-" + visits.get(s)).size();
            submitted += n;
            if (n != 1) problems.add("survey " + visits.get(s) + ": " + n + " FeedbackSubmitted");
            if (n > 1) twice += n - 1;
        }
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(Api.Answer::status, TreeMap::new, Collectors.counting()));
        Figures figures = new Figures("concurrency-surveys")
                .sent(SURVEYS * 2).acknowledged(statuses.getOrDefault(200, 0L)).events(submitted).duplicates(twice)
                .lost(SURVEYS - Math.min(SURVEYS, submitted - twice))
                .with("surveys", SURVEYS).with("answers", statuses)
                .report();
        assertThat(problems).isEmpty();
        return figures;
    }

    /** Runs {@code n} requests on {@code n} threads, released together; their answers in request order. */
    static List<Api.Answer> all(int n, IntFunction<Supplier<Api.Answer>> request) {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Supplier<Api.Answer> r = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return r.get();
                }));
            }
            ready.await();
            go.countDown();
            List<Api.Answer> out = new ArrayList<>();
            for (Future<Api.Answer> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
