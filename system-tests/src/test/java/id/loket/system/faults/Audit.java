package id.loket.system.faults;

import id.loket.platform.test.TopicReader;
import id.loket.system.LoketSystem.Service;
import id.loket.system.faults.Families.Family;
import id.loket.system.faults.ServiceDb.Event;
import id.loket.system.faults.Traffic.Kind;
import id.loket.system.faults.Traffic.Sent;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static id.loket.system.LoketSystem.Service.COMPLAINT;
import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static org.awaitility.Awaitility.await;

/**
 * What a load test checks once the load has stopped, from the services' own databases and topics: every
 * acknowledged request has exactly one event (lost: none; duplicates: none), ticket numbers are unique and
 * contiguous, no account is settled beyond its bills, every stored event is on its topic in order, and every
 * consumer has processed every event once with exactly one effect. Problems are collected, not thrown, so
 * the figures are reported before the test fails.
 */
final class Audit {

    final List<String> problems = new ArrayList<>();
    long events;
    long duplicates;
    long lost;
    long unacknowledgedStored;
    long resends;
    long topicRecords;
    long ticketNumberGaps;
    long surveys;
    long consumed;

    private final Traffic traffic;
    private final Map<Service, ServiceDb> dbs;
    private final String bootstrapServers;
    private final Map<Service, List<Event>> stored = new EnumMap<>(Service.class);

    Audit(Traffic traffic, Map<Service, ServiceDb> dbs, String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.traffic = traffic;
        this.dbs = dbs;
    }

    /** Tickets and what the counters did with them, in queue-service's store. */
    Audit queue() {
        List<Event> all = dbs.get(QUEUE).events("stream_id IN (SELECT stream_id FROM event_store"
                + " WHERE event_type = 'TicketIssued' AND payload->>'branch' = ?)", traffic.floor.branch);
        stored.put(QUEUE, all);
        List<Event> issued = all.stream().filter(type("TicketIssued")).toList();
        exactlyOne(traffic.sent(Kind.TICKET), issued, s -> "ticket-" + s.id());

        // per service type and business day, each number once, none skipped (a rolled-back draw is given back)
        Map<String, List<Integer>> numbers = issued.stream().collect(Collectors.groupingBy(
                e -> e.payload().path("serviceType").asText() + " " + e.payload().path("businessDate").asText(),
                TreeMap::new, Collectors.mapping(e -> Integer.parseInt(e.payload().path("ticketNumber").asText().replaceAll("^.*-", "")),
                        Collectors.toList())));
        numbers.forEach((day, n) -> {
            int distinct = new HashSet<>(n).size();
            if (distinct != n.size()) {
                duplicates += n.size() - distinct;
                problems.add("ticket numbers drawn twice on " + day + ": " + (n.size() - distinct));
            }
            int max = n.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (max != distinct) {
                ticketNumberGaps += max - distinct;
                problems.add("ticket numbers skipped on " + day + ": " + (max - distinct) + " of 1.." + max);
            }
        });

        // each call, start and close the counter was told about happened once; no ticket called or closed twice
        Map<String, List<Event>> byStream = all.stream().collect(Collectors.groupingBy(Event::streamId));
        for (var step : Map.of(Kind.CALL, "TicketCalled", Kind.START, "ServiceStarted", Kind.CLOSE, "VisitClosed").entrySet()) {
            for (Sent s : traffic.sent(step.getKey())) {
                if (!s.acknowledged()) continue;
                long n = byStream.getOrDefault("ticket-" + s.id(), List.of()).stream().filter(type(step.getValue())).count();
                if (n == 0) {
                    lost++;
                    problems.add("acknowledged " + step.getKey() + " of ticket " + s.id() + " has no " + step.getValue());
                } else {
                    events++;
                }
            }
            byStream.forEach((stream, evs) -> {
                long n = evs.stream().filter(type(step.getValue())).count();
                if (n > 1) {
                    duplicates += n - 1;
                    problems.add(stream + " has " + n + " " + step.getValue());
                }
            });
        }
        return this;
    }

    /** Payments in membership-service's store, and each family account's ledger. */
    Audit membership() {
        ServiceDb db = dbs.get(MEMBERSHIP);
        List<String> streams = new ArrayList<>();
        for (Family f : traffic.families) {
            streams.add("account-" + f.accountId());
            f.participantIds().forEach(p -> streams.add("participant-" + p));
        }
        List<Event> all = new ArrayList<>(db.eventsOfStreams(streams));
        List<Event> paid = db.events("event_type = 'ContributionPaid' AND metadata->>'correlationId' LIKE ?", traffic.tag + "-payment-%");
        all.addAll(paid);
        List<Event> bills = db.events("event_type = 'ContributionBilled' AND payload->>'accountId' = ANY(?)",
                (Object) traffic.families.stream().map(Family::accountId).toArray(String[]::new));
        all.addAll(db.eventsOfStreams(bills.stream().map(Event::streamId).distinct().toList()));
        stored.put(MEMBERSHIP, all);

        List<Sent> payments = traffic.sent(Kind.PAYMENT);
        exactlyOne(payments, paid, s -> "payment-" + s.id());
        List<Event> allocated = all.stream().filter(type("PaymentAllocated")).toList();
        // the allocation is the payment's effect on the account: once per payment as well
        Map<String, Long> allocations = allocated.stream().collect(Collectors.groupingBy(e -> e.payload().path("reference").asText(), Collectors.counting()));
        for (Event p : paid) {
            long n = allocations.getOrDefault(p.payload().path("reference").asText(), 0L);
            if (n != 1) problems.add("payment " + p.payload().path("reference").asText() + " allocated " + n + " times");
        }

        // no month settled beyond its bill, and every rupiah paid is either settled or credit
        for (Family f : traffic.families) {
            List<Event> mine = allocated.stream().filter(e -> e.streamId().equals("account-" + f.accountId())).toList();
            long paidIn = mine.stream().mapToLong(e -> e.payload().path("amount").asLong()).sum();
            Map<String, Long> settled = new TreeMap<>();
            mine.forEach(e -> e.payload().path("settled").forEach(s -> settled.merge(s.path("month").asText(), s.path("amount").asLong(), Long::sum)));
            long credit = mine.isEmpty() ? 0 : mine.getLast().payload().path("creditAfter").asLong();
            long settledSum = settled.values().stream().mapToLong(Long::longValue).sum();
            if (settledSum + credit != paidIn) {
                problems.add(f.accountId() + ": paid " + paidIn + " but settled " + settledSum + " + credit " + credit);
            }
            Map<String, Long> billed = bills.stream().filter(b -> b.payload().path("accountId").asText().equals(f.accountId()))
                    .collect(Collectors.toMap(b -> b.payload().path("month").asText(), b -> b.payload().path("amount").asLong(), Long::sum));
            settled.forEach((month, amount) -> {
                if (amount > billed.getOrDefault(month, 0L)) {
                    duplicates++;
                    problems.add(f.accountId() + " " + month + ": settled " + amount + " of a bill of " + billed.getOrDefault(month, 0L));
                }
            });
        }
        return this;
    }

    /**
     * Every stored event of the audited streams on its topic: re-sends counted, order per key, nothing extra.
     * Read by a new consumer from the beginning of each topic, as a consumer that starts now would see it.
     */
    Audit published(Duration timeout) {
        stored.forEach((service, evs) -> {
            Published.Check c;
            try (TopicReader fresh = TopicReader.open(bootstrapServers, service.topic())) {
                c = Published.awaitAll(fresh, evs, timeout);
            }
            resends += c.resends();
            topicRecords += c.records();
            if (!c.missing().isEmpty()) {
                lost += c.missing().size();
                problems.add(c.topic() + ": " + c.missing().size() + " stored events never published, e.g. " + first(c.missing()));
            }
            if (!c.foreign().isEmpty()) problems.add(c.topic() + ": records not in the store: " + first(c.foreign()));
            if (!c.outOfOrder().isEmpty()) problems.add(c.topic() + ": out of order for keys " + first(c.outOfOrder()));
        });
        return this;
    }

    /**
     * The consumers: feedback-service offers exactly one survey per closed visit; every consumer group has
     * processed every event of the audited streams (the processed-event key makes it at most once); queue's
     * local copy of membership status ends as membership's own.
     */
    Audit consumers(Duration timeout) {
        List<String> visits = stored.getOrDefault(QUEUE, List.of()).stream().filter(type("VisitClosed"))
                .map(e -> e.payload().path("visitId").asText()).toList();
        List<String> surveyStreams = visits.stream().map(v -> "survey-" + v).toList();
        ServiceDb feedback = dbs.get(FEEDBACK);
        List<Event> offered = until(timeout, () -> feedback.eventsOfStreams(surveyStreams).stream().filter(type("SurveyOffered")).toList(),
                o -> o.size() >= visits.size());
        Map<String, Long> perVisit = offered.stream().collect(Collectors.groupingBy(Event::streamId, Collectors.counting()));
        surveys = perVisit.size();
        for (String s : surveyStreams) {
            long n = perVisit.getOrDefault(s, 0L);
            if (n == 0) {
                lost++;
                problems.add("closed visit without a survey: " + s);
            } else if (n > 1) {
                duplicates += n - 1;
                problems.add(s + " offered " + n + " times");
            }
        }
        if (!offered.isEmpty()) stored.put(FEEDBACK, feedback.eventsOfStreams(surveyStreams));

        processedOnce(QUEUE, List.of(Map.entry(FEEDBACK, "feedback.surveys"), Map.entry(COMPLAINT, "complaint-visit-link")), timeout);
        processedOnce(MEMBERSHIP, List.of(Map.entry(QUEUE, "queue.membership-status"), Map.entry(COMPLAINT, "complaint-membership-actions")), timeout);

        // the door's copy ends where membership-service is
        List<UUID> participants = traffic.families.stream().flatMap(f -> f.participantIds().stream()).map(UUID::fromString).toList();
        if (!participants.isEmpty()) {
            Map<UUID, String> truth = statuses(dbs.get(MEMBERSHIP), "SELECT participant_id, status FROM participant_view WHERE participant_id = ANY(?)", participants);
            Map<UUID, String> copy = until(timeout, () -> statuses(dbs.get(QUEUE),
                    "SELECT participant_id, status FROM membership_status WHERE participant_id = ANY(?)", participants), truth::equals);
            if (!truth.equals(copy)) problems.add("queue's copy of membership status " + copy + " differs from membership's " + truth);
        }
        return this;
    }

    private void processedOnce(Service producer, List<Map.Entry<Service, String>> consumers, Duration timeout) {
        List<UUID> ids = stored.getOrDefault(producer, List.of()).stream().map(Event::eventId).toList();
        if (ids.isEmpty()) return;
        for (var c : consumers) {
            Set<UUID> done = until(timeout, () -> dbs.get(c.getKey()).processed(c.getValue(), ids), d -> d.size() == ids.size());
            consumed += done.size();
            if (done.size() != ids.size()) {
                lost += ids.size() - done.size();
                problems.add(c.getValue() + " has not processed " + (ids.size() - done.size()) + " of " + ids.size() + " " + producer + " events");
            }
        }
    }

    /** Per logical request (by its correlation id), the events it appended of one type. */
    private void exactlyOne(List<Sent> requests, List<Event> appended, Function<Sent, String> expectedStream) {
        Map<String, List<Event>> byRequest = appended.stream().collect(Collectors.groupingBy(e -> String.valueOf(e.correlationId())));
        for (Sent s : requests) {
            List<Event> mine = byRequest.getOrDefault(s.correlationId(), List.of());
            if (s.acknowledged()) {
                if (mine.isEmpty()) {
                    lost++;
                    problems.add("acknowledged " + s.kind() + " " + s.id() + " (" + s.correlationId() + ") has no event");
                } else {
                    events++;
                    if (!mine.getFirst().streamId().equals(expectedStream.apply(s))) {
                        problems.add(s.kind() + " " + s.correlationId() + " answered " + s.id() + " but appended to " + mine.getFirst().streamId());
                    }
                }
            } else if (!mine.isEmpty()) {
                unacknowledgedStored++; // in flight when the process died: done, but nobody was told
            }
            if (mine.size() > 1) {
                duplicates += mine.size() - 1;
                problems.add(s.kind() + " " + s.correlationId() + " appended " + mine.size() + " events");
            }
        }
    }

    private static Map<UUID, String> statuses(ServiceDb db, String sql, List<UUID> ids) {
        Map<UUID, String> out = new HashMap<>();
        for (Object[] row : db.rows(sql, (Object) ids.toArray(UUID[]::new))) out.put((UUID) row[0], String.valueOf(row[1]).trim());
        return out;
    }

    /** The value once it satisfies {@code done}, or the last value read when {@code timeout} passes first. */
    static <T> T until(Duration timeout, Callable<T> read, Predicate<T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
                T v = read.call();
                last.set(v);
                return v;
            }, done::test);
        } catch (ConditionTimeoutException e) {
            return last.get();
        }
    }

    private static Predicate<Event> type(String type) {
        return e -> e.type().equals(type);
    }

    private static String first(List<String> items) {
        return items.stream().limit(3).collect(Collectors.joining(", ")) + (items.size() > 3 ? " … (" + items.size() + ")" : "");
    }
}
