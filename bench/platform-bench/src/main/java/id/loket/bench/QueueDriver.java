package id.loket.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Drives a running queue-service over HTTP for the latency rows of issue 5. Each run sets up branches of its own
 * (fresh codes) through the admin endpoints, so it can run against any queue-service database.
 *
 * <ul>
 * <li>{@code mode=callnext url=http://127.0.0.1:18081 [counters=20] [waiting=10000] [rounds=10] [seconds=20]
 * [warmup=5]}: one branch, {@code waiting} tickets issued (one in ten with a priority), then {@code rounds} times a
 * second all {@code counters} counters call the next ticket at the same moment (the contention of 20 counters on
 * one queue, not a saturation test). Each call's latency counts from the moment its round was due, so a round
 * that starts late because the previous one was slow counts the delay too. Rounds of the first {@code warmup}
 * seconds are not counted; the run stops after {@code seconds} more or once 60% of the queue has been called.</li>
 * <li>{@code mode=sse url=... [displays=10] [rate=20] [seconds=20] [warmup=5]}: {@code displays} branches, each
 * with a client on its board stream; at {@code rate} changes/s a ticket is issued at one branch after the other
 * and the time from sending the request to that display receiving a board that shows it is recorded.</li>
 * </ul>
 */
@ApplicationScoped
public class QueueDriver {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    QueueDriver(ObjectMapper json) {
        this.json = json;
    }

    String callNext(Args args) throws Exception {
        String base = args.required("url");
        int counters = args.integer("counters", 20);
        int waiting = args.integer("waiting", 10_000);
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 5);
        String branch = "CN" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        setUpBranch(base, branch, List.of("A", "B"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= counters; i++) {
            String id = branch + "-" + i;
            check(post(base, "/branches/" + branch + "/counters",
                    "{\"id\":\"" + id + "\",\"name\":\"Loket " + i + "\",\"serviceTypes\":[\"A\",\"B\"]}"), "add counter " + id);
            check(post(base, "/counters/" + id + "/open", "{\"staff\":\"bench-" + i + "\"}"), "open counter " + id);
            ids.add(id);
        }
        issueTickets(base, branch, waiting);

        int rounds = args.integer("rounds", 10);
        long budget = (long) (waiting * 0.6);
        AtomicLong errors = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        Latencies latencies = new Latencies();
        ExecutorService pool = Executors.newFixedThreadPool(counters);
        long interval = 1_000_000_000L / rounds;
        long total = (long) rounds * (warmup + seconds);
        long measuredFrom = (long) rounds * warmup;
        long calls = 0;
        long start = System.nanoTime();
        long measureStart = 0;
        for (long r = 0; r < total && calls + counters <= budget; r++) {
            long due = start + r * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            if (r == measuredFrom) measureStart = due;
            boolean measured = r >= measuredFrom;
            List<Future<?>> round = new ArrayList<>();
            for (String id : ids) {
                round.add(pool.submit(() -> {
                    Reply called = post(base, "/counters/" + id + "/call-next", null);
                    int status = called.status();
                    long took = System.nanoTime() - due;
                    if (status == 200) {
                        if (measured) latencies.recordNanos(took);
                        // a counter holds one visitor at a time (a second call-next is 409 counter-busy): serve
                        // and close this one before the next round, as the frontliner does; not measured
                        String ticket = json.readTree(called.body()).path("id").asText();
                        check(post(base, "/tickets/" + ticket + "/start", null), "start " + ticket);
                        check(post(base, "/tickets/" + ticket + "/close", "{\"outcome\":\"SERVED\"}"), "close " + ticket);
                    } else if (status == 204) {
                        empty.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : round) f.get();
            calls += counters;
        }
        double elapsed = measureStart == 0 ? 0 : (System.nanoTime() - measureStart) / 1e9;
        pool.shutdown();
        int left = waitingCount(base, branch);
        return String.format(Locale.ROOT, "callnext %s calls_per_s=%.0f counters=%d waiting_at_start=%d waiting_at_end=%d empty=%d errors=%d",
                latencies.summary(), elapsed > 0 ? latencies.count() / elapsed : 0, counters, waiting, left, empty.get(), errors.get());
    }

    String boardStream(Args args) throws Exception {
        String base = args.required("url");
        int displays = args.integer("displays", 10);
        int rate = args.integer("rate", 20);
        int seconds = args.integer("seconds", 20);
        int warmup = args.integer("warmup", 5);
        String prefix = "SS" + ThreadLocalRandom.current().nextInt(1000, 10_000);
        List<String> branches = new ArrayList<>();
        List<BlockingQueue<Seen>> seen = new ArrayList<>();
        for (int i = 0; i < displays; i++) {
            String branch = prefix + String.format("%02d", i);
            setUpBranch(base, branch, List.of("A"));
            branches.add(branch);
            BlockingQueue<Seen> q = new LinkedBlockingQueue<>();
            seen.add(q);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/branches/" + branch + "/board/stream"))
                    .header("Accept", "text/event-stream").header("Authorization", Bench.bearer()).GET().build();
            Thread.ofPlatform().daemon().name("display-" + branch).start(() -> readBoards(request, q));
            Seen first = q.poll(10, TimeUnit.SECONDS); // the full board on connect
            if (first == null) throw new IllegalStateException("no board on connect for " + branch);
        }

        int[] expected = new int[displays];
        Latencies latencies = new Latencies();
        long missed = 0;
        long interval = 1_000_000_000L / rate;
        long total = (long) rate * (warmup + seconds);
        long measuredFrom = (long) rate * warmup;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            int d = (int) (i % displays);
            expected[d]++;
            long t0 = System.nanoTime();
            check(post(base, "/tickets", "{\"branch\":\"" + branches.get(d) + "\",\"serviceType\":\"A\",\"source\":\"KIOSK\"}"), "issue a ticket");
            Seen s;
            do {
                s = seen.get(d).poll(t0 + TimeUnit.SECONDS.toNanos(5) - System.nanoTime(), TimeUnit.NANOSECONDS);
            } while (s != null && s.waiting() < expected[d]);
            if (s == null) {
                missed++;
                expected[d] = Integer.MIN_VALUE; // unknown from here: the next board at this display resynchronises
                continue;
            }
            if (expected[d] <= 0) {
                expected[d] = s.waiting(); // resynchronised after a miss, not counted
                continue;
            }
            if (i >= measuredFrom) latencies.recordNanos(s.at() - t0);
        }
        return String.format(Locale.ROOT, "sse %s displays=%d rate=%d missed=%d", latencies.summary(), displays, rate, missed);
    }

    private record Seen(long at, int waiting) {
    }

    /** One display: reads the SSE stream line by line, noting each board's waiting count for type A. */
    private void readBoards(HttpRequest request, BlockingQueue<Seen> out) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            response.body().forEach(line -> {
                if (!line.startsWith("data:")) return;
                long at = System.nanoTime();
                try {
                    JsonNode board = json.readTree(line.substring(5).strip());
                    for (JsonNode w : board.path("waiting")) {
                        if ("A".equals(w.path("serviceType").asText())) out.add(new Seen(at, w.path("count").asInt()));
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable board: " + line, e);
                }
            });
        } catch (IOException | InterruptedException e) {
            // the run is over
        }
    }

    private void setUpBranch(String base, String code, List<String> types) throws Exception {
        check(post(base, "/branches", "{\"code\":\"" + code + "\",\"name\":\"Bench " + code + "\",\"zoneId\":\"Asia/Jakarta\"}"),
                "create branch " + code);
        for (String t : types) {
            check(post(base, "/branches/" + code + "/service-types",
                    "{\"code\":\"" + t + "\",\"prefix\":\"" + t + "\",\"name\":\"Bench " + t + "\"}"), "add service type " + t);
        }
    }

    /** {@code n} waiting tickets, types A and B alternately, one in ten with a priority; 16 at a time. */
    private void issueTickets(String base, String branch, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "{\"branch\":\"" + branch + "\",\"serviceType\":\"" + (i % 2 == 0 ? "A" : "B")
                    + "\",\"source\":\"KIOSK\",\"priority\":\"" + (i % 10 == 0 ? "ELDERLY" : "NONE") + "\"}";
            replies.add(pool.submit(() -> post(base, "/tickets", body)));
        }
        for (Future<Reply> r : replies) check(r.get(), "issue a ticket");
        pool.shutdown();
    }

    private int waitingCount(String base, String branch) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/branches/" + branch + "/board")).header("Authorization", Bench.bearer()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int n = 0;
        for (JsonNode w : json.readTree(r.body()).path("waiting")) n += w.path("count").asInt();
        return n;
    }

    record Reply(int status, String body) {
    }

    Reply post(String base, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        b.header("Authorization", Bench.bearer());
        b = body == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static void check(Reply r, String what) {
        if (r.status() >= 300) throw new IllegalStateException(what + ": HTTP " + r.status() + " " + r.body());
    }
}
