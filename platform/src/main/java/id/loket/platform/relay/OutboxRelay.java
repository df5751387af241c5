package id.loket.platform.relay;

import id.loket.platform.config.LoketConfig;
import id.loket.platform.eventstore.EventStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

/**
 * Runs this service's {@link Relay} on a thread of its own: woken in-process right after a commit that
 * appended events, polling as the fallback. On a database or broker failure it backs off and starts again
 * from the stored checkpoint, so while Kafka is down events wait in the store and go out in order once it
 * is back.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final LoketConfig config;
    private final Relay relay;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Instant lastSuccess = Instant.now();
    private volatile String lastError;

    OutboxRelay(LoketConfig config, Config mp, EventStore store) {
        this.config = config;
        this.relay = new Relay(settings(config, mp), store);
    }

    static RelaySettings settings(LoketConfig config, Config mp) {
        List<String> others = new ArrayList<>();
        // Topics this service consumes or dead-letters to are created by it too (broker auto-create is off).
        for (String name : StreamSupport.stream(mp.getPropertyNames().spliterator(), false).toList()) {
            if (name.startsWith("mp.messaging.incoming.")
                    && (name.endsWith(".topic") || name.endsWith(".dead-letter-queue.topic"))) {
                mp.getOptionalValue(name, String.class).ifPresent(others::add);
            }
        }
        return new RelaySettings(
                mp.getValue("quarkus.datasource.jdbc.url", String.class),
                mp.getOptionalValue("quarkus.datasource.username", String.class).orElse(null),
                mp.getOptionalValue("quarkus.datasource.password", String.class).orElse(null),
                mp.getValue("kafka.bootstrap.servers", String.class),
                config.service(),
                config.topic(),
                config.relay().batchSize(),
                config.topics().partitions(),
                config.topics().replicationFactor(),
                config.topics().retentionMs(),
                others);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.relay().enabled()) return;
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay-" + config.service()).daemon().start(this::loop);
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        relay.close();
    }

    /** Called after every commit that appended events. */
    void onCommitted(@Observes EventStore.EventsCommitted ignored) {
        if (wake.availablePermits() == 0) wake.release();
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(100);
        while (running) {
            try {
                wake.tryAcquire(config.relay().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                relay.publishAvailable();
                lastSuccess = Instant.now();
                if (lastError != null) LOG.info("outbox relay publishing again");
                lastError = null;
                backoff = Duration.ofMillis(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (lastError == null) LOG.warnf("outbox relay paused, events wait in the store: %s", e.toString());
                lastError = e.toString();
                relay.reset();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5) : backoff.multipliedBy(2);
            }
        }
    }

    public boolean isLeader() {
        return relay.isLeader();
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    public boolean enabled() {
        return config.relay().enabled();
    }
}
