package id.loket.bench;

import org.HdrHistogram.ConcurrentHistogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Latencies of individual operations, each one recorded (no sampling, no averaging before the percentile), in
 * microseconds with three significant digits. Printed in milliseconds.
 */
final class Latencies {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final ConcurrentHistogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    String ms(double percentile) {
        return String.format(Locale.ROOT, "%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    String maxMs() {
        return String.format(Locale.ROOT, "%.1f", histogram.getMaxValue() / 1000.0);
    }

    /** {@code p50_ms=… p99_ms=… max_ms=… n=…} */
    String summary() {
        return "p50_ms=" + ms(50) + " p99_ms=" + ms(99) + " max_ms=" + maxMs() + " n=" + count();
    }
}
