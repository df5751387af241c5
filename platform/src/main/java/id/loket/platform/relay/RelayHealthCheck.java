package id.loket.platform.relay;

import id.loket.platform.config.LoketConfig;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Kafka reachability and relay lag, in the {@code relay} group ({@code /q/health/group/relay}), never in
 * readiness: a broker outage must not take the replicas out of service while the outbox keeps taking commands.
 */
@HealthGroup("relay")
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final RelayMonitor monitor;
    private final LoketConfig config;

    RelayHealthCheck(OutboxRelay relay, RelayMonitor monitor, LoketConfig config) {
        this.relay = relay;
        this.monitor = monitor;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        RelayMonitor.Lag lag = monitor.lag();
        double bound = config.relay().lagBound().toMillis() / 1000.0;
        String error = relay.lastError();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("outbox-relay")
                .withData("topic", config.topic())
                .withData("leader", relay.isLeader())
                .withData("unpublishedEvents", lag.unpublishedEvents())
                .withData("oldestUnpublishedSeconds", (long) lag.oldestUnpublishedSeconds())
                .withData("oldestWritingTransactionSeconds", (long) lag.oldestWritingTransactionSeconds())
                .withData("lastSuccess", relay.lastSuccess().toString());
        if (error != null) b.withData("lastError", error);
        boolean up = relay.enabled() && error == null && lag.unpublishedEvents() >= 0 && lag.oldestUnpublishedSeconds() <= bound;
        return b.status(up).build();
    }
}
