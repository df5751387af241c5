package id.loket.bench;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed number of one request, a few at a time, counting the answers by status class: the load before a
 * service's resident memory is read (the start row).
 *
 * <p>Arguments: {@code mode=http url=http://... [method=GET] [body=...] [purpose=...] [count=1000] [concurrency=4]};
 * {@code purpose} is sent as {@code X-Purpose} (membership's participant reads require one).
 */
@ApplicationScoped
public class HttpRequests implements Bench.Mode {

    @Override
    public String run(Args args) throws Exception {
        URI url = URI.create(args.required("url"));
        String method = args.str("method", "GET");
        String body = args.str("body", null);
        String purpose = args.str("purpose", null);
        int count = args.integer("count", 1000);
        int concurrency = args.integer("concurrency", 4);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLongArray byClass = new AtomicLongArray(6); // [0] = no answer, [2] = 2xx ...
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            done.add(pool.submit(() -> {
                HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
                b.header("Authorization", Bench.bearer());
                if (body != null) b.header("Content-Type", "application/json");
                if (purpose != null) b.header("X-Purpose", purpose);
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                try {
                    int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    byClass.incrementAndGet(Math.min(5, status / 100));
                } catch (Exception e) {
                    byClass.incrementAndGet(0);
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format(Locale.ROOT, "http requests=%d seconds=%.1f status_2xx=%d status_3xx=%d status_4xx=%d status_5xx=%d errors=%d",
                count, seconds, byClass.get(2), byClass.get(3), byClass.get(4), byClass.get(5), byClass.get(0));
    }
}
