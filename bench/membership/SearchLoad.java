import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on {@code POST /participants/search {nik}}: requests go out at a fixed arrival rate whatever
 * the answers do, and each latency is measured from the request's intended send time, so a stall shows as the
 * latency of every request that should have gone out during it (no coordinated omission). The NIKs are those of
 * the participants GenerateParticipants wrote (the same deterministic sequence), picked at random.
 *
 * <p>{@code java SearchLoad.java <baseUrl> <participants> <rate/s> <seconds> [warmupSeconds]} prints one line:
 * {@code rate=… sent=… ok=… errors=… p50_ms=… p90_ms=… p99_ms=… p999_ms=… max_ms=…}. Run with the source launcher
 * from this directory (it uses GenerateParticipants.java beside it), with {@code BENCH_TOKEN} set to a frontliner's token.
 */
public class SearchLoad {

    /** A frontliner's bearer token (BenchTokens.java), from the environment: the search needs one. */
    static final String TOKEN = System.getenv().getOrDefault("BENCH_TOKEN", "");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long participants = Long.parseLong(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create(base + "/participants/search");
        if (warmup > 0) run(client, uri, participants, rate, warmup, true);
        run(client, uri, participants, rate, seconds, false);
        System.exit(0);
    }

    static void run(HttpClient client, URI uri, long participants, int rate, int seconds, boolean quiet) throws InterruptedException {
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, Long.MAX_VALUE); // unanswered in time counts as the worst
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch done = new CountDownLatch(total);
        SplittableRandom random = new SplittableRandom(42 + rate);
        StringBuilder sb = new StringBuilder(512);
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            sb.setLength(0);
            GenerateParticipants.line(random.nextLong(participants), sb);
            String nik = sb.substring(8, 24); // {"nik":"…
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("X-Purpose", "visit:bench-" + (i % 1000))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + nik + "\"}")).build();
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            int slot = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, failure != null ? failure.toString() : "HTTP " + response.statusCode());
                } else {
                    latencies[slot] = System.nanoTime() - intended;
                }
                done.countDown();
            });
        }
        done.await(30, TimeUnit.SECONDS);
        if (quiet) return;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        long ok = Arrays.stream(latencies).filter(l -> l != Long.MAX_VALUE).count();
        System.out.printf("rate=%d sent=%d ok=%d errors=%d p50_ms=%s p90_ms=%s p99_ms=%s p999_ms=%s max_ms=%s%s%n", rate, total,
                ok, errors.get(), ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999), ms(sorted, 1.0),
                firstError.get() == null ? "" : " first_error=" + firstError.get().replace(' ', '_'));
    }

    static String ms(long[] sorted, double q) {
        long v = sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        return v == Long.MAX_VALUE ? "inf" : String.format("%.2f", v / 1e6);
    }
}
