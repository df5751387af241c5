package id.loket.platform.it;

import id.loket.platform.tally.RecordedSpans;
import id.loket.platform.test.CloudEventPublisher;
import id.loket.platform.test.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One trace from the HTTP request through the outbox to Kafka, and from a consumed record into the consumer's span. */
@QuarkusTest
class TracingTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;
    @Inject
    RecordedSpans spans;

    @Test
    void theRecordOfAnAppendedEventCarriesTheRequestsTrace() {
        String traceId = randomHex(16);
        String id = given().contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .body("{\"name\":\"traced\"}").post("/tallies")
                .then().statusCode(201).extract().path("id");
        try (TopicReader topic = TopicReader.open(bootstrap, RelayTest.TOPIC)) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("tally-" + id).equals(rec.key()), WAIT);
            assertThat(header(r, "traceparent")).startsWith("00-" + traceId + "-");
        }
    }

    @Test
    void theConsumersSpanContinuesTheTraceOfTheRecord() {
        String traceId = randomHex(16);
        String parentSpan = randomHex(8);
        UUID eventId = UUID.randomUUID();
        try (CloudEventPublisher publisher = CloudEventPublisher.open(bootstrap).awaitTopic(ConsumerTest.INBOX, WAIT)) {
            publisher.publish(ConsumerTest.INBOX, ConsumerTest.KEY, eventId, "loket.other.TallyIncremented", 1,
                    "{\"by\":1}", "corr-" + eventId, null, Map.of("traceparent", "00-" + traceId + "-" + parentSpan + "-01"));
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(spans.ended())
                .filteredOn(s -> s.getName().equals("watcher process") && s.getKind() == SpanKind.CONSUMER)
                .extracting(SpanData::getTraceId).contains(traceId));
        SpanData consumed = spans.ended().stream().filter(s -> s.getTraceId().equals(traceId)
                && s.getName().equals("watcher process")).findFirst().orElseThrow();
        // a child of the producer's span, or of the span the messaging connector opened under it
        assertThat(consumed.getParentSpanId()).isNotEqualTo("0000000000000000");
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
