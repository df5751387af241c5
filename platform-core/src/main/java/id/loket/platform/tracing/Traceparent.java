package id.loket.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The W3C {@code traceparent} that ties an appended event to the span that appended it. The outbox relay
 * publishes long after that span ended, so the context travels in the event's metadata instead of the
 * thread: HTTP → append → (store) → Kafka header → consumer span → the consumer's own appends. Reading it
 * back from a consumed record is the consumer's part ({@code id.loket.platform.consumer.RecordTrace}).
 */
public final class Traceparent {

    private Traceparent() {
    }

    /** The current span as a traceparent, or null when there is none (tracing off, no span). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) return null;
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }
}
