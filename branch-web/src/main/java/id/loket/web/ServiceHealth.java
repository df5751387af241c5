package id.loket.web;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services answer, for the banners on every page: each service's readiness probe every few seconds (it needs
 * no token), and every real call in between ({@link Calls}), so a banner goes up on the first failed call.
 */
@ApplicationScoped
@Named("health")
public class ServiceHealth {

    private final Map<Service, URI> probes = new ConcurrentHashMap<>();
    private final Set<Service> down = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    ServiceHealth(Config config) {
        for (Service s : Service.values()) {
            String base = config.getValue("quarkus.rest-client." + s.name().toLowerCase() + ".url", String.class);
            probes.put(s, URI.create(base.replaceAll("/+$", "") + "/q/health/ready"));
        }
    }

    @Scheduled(every = "${loket.web.health-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        probes.forEach((service, uri) -> {
            try {
                var r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) answered(service);
                else failed(service);
            } catch (Exception e) {
                if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                failed(service);
            }
        });
    }

    void answered(Service service) {
        down.remove(service);
    }

    void failed(Service service) {
        down.add(service);
    }

    public boolean isDown(String service) {
        return down.contains(Service.valueOf(service));
    }

    public boolean isAnyDown() {
        return !down.isEmpty();
    }

    public List<Service> down() {
        return down.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(down));
    }
}
