package id.loket.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Histogram buckets for HTTP server timings, so the ops dashboard can show p95/p99 per route across replicas
 * (histogram_quantile over http_server_requests_seconds_bucket); a mean hides the slow calls a counter sees.
 */
@Singleton
public class HttpLatencyHistogram implements MeterFilter {

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) return config;
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                .build()
                .merge(config);
    }
}
