package id.loket.platform.consumer;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The trace a consumed record belongs to (its {@code traceparent} header), to parent the consumer's span. */
final class RecordTrace {

    private static final TextMapGetter<ConsumerRecord<?, ?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(ConsumerRecord<?, ?> record) {
            List<String> keys = new ArrayList<>();
            for (Header h : record.headers()) keys.add(h.key());
            return keys;
        }

        @Override
        public String get(ConsumerRecord<?, ?> record, String key) {
            if (record == null) return null;
            Header h = record.headers().lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private RecordTrace() {
    }

    /** The record's trace; the root context when the record has none. */
    static Context of(ConsumerRecord<?, ?> record) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), record, HEADERS);
    }
}
