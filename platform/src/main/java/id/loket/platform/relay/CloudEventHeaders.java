package id.loket.platform.relay;

import id.loket.platform.events.StoredEvent;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** CloudEvents 1.0 binary-mode Kafka headers for a stored event (ARCHITECTURE.md, Publishing). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SCHEMA_VERSION = "ce_dataschemaversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    /** The token subject of the signed-in user whose request appended the event (a staff id, no participant data). */
    public static final String ACTOR = "actor";
    /** W3C trace context, the header OpenTelemetry's Kafka instrumentation reads: the consumer's span continues the trace. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }

    /** {@code loket.<service>.<EventName>} */
    public static String ceType(String service, String eventType) {
        return "loket." + service + "." + eventType;
    }

    public static List<Header> of(String service, StoredEvent e) {
        List<Header> h = new ArrayList<>(10);
        add(h, SPEC_VERSION, "1.0");
        add(h, ID, e.eventId().toString());
        add(h, TYPE, ceType(service, e.type()));
        add(h, SOURCE, "/loket/" + service);
        add(h, TIME, e.recordedAt().toString());
        add(h, SUBJECT, e.streamId());
        add(h, SCHEMA_VERSION, Integer.toString(e.schemaVersion()));
        add(h, CONTENT_TYPE, "application/json");
        if (e.metadata() != null) {
            add(h, CORRELATION_ID, e.metadata().correlationId());
            add(h, CAUSATION_ID, e.metadata().causationId());
            add(h, TRACEPARENT, e.metadata().traceparent());
            add(h, ACTOR, e.metadata().actor());
        }
        return h;
    }

    private static void add(List<Header> headers, String name, String value) {
        if (value != null) headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
