package id.loket.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The contract document itself, and what {@link EventContract} finds wrong in a record. */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract CONTRACT = EventContract.load();

    // ------------------------------------------------------------------------------------------ the examples

    @Test
    void everyMessageHasAnExampleThatIsValidAgainstItsOwnSchemaHeadersAndKey() {
        List<String> failures = new ArrayList<>();
        for (EventContract.Message m : CONTRACT.messages()) {
            if (m.examples().isEmpty()) failures.add(m.name() + " has no example");
            for (JsonNode example : m.examples()) {
                List<String> violations = CONTRACT.violations(record(m.topic(), example, r -> { }));
                if (!violations.isEmpty()) failures.add(m.name() + " example '" + example.path("name").asText() + "': " + violations);
                if (!m.ceType().equals(example.path("headers").path("ce_type").asText())) {
                    failures.add(m.name() + " example has ce_type " + example.path("headers").path("ce_type"));
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(48, CONTRACT.messages().size(), "messages in the contract");
    }

    // -------------------------------------------------------------------------------- what a check reports

    @Test
    void aMissingRequiredFieldIsNamed() {
        var r = visitClosed(p -> p.remove("ticketNumber"));
        assertViolation(r, "ticketNumber");
    }

    @Test
    void aWrongTypeIsNamed() {
        assertViolation(visitClosed(p -> p.put("waitedSeconds", "ninety")), "waitedSeconds");
        assertViolation(visitClosed(p -> p.putNull("outcome")), "outcome");
        assertViolation(visitClosed(p -> p.put("priority", "VIP")), "priority");
    }

    @Test
    void aBadFormatIsNamed() {
        assertViolation(visitClosed(p -> p.put("closedAt", "26/11/2026 08:32")), "closedAt");
        assertViolation(visitClosed(p -> p.put("visitId", "not-a-uuid")), "visitId");
        assertViolation(example("TicketIssued", p -> p.put("businessDate", "2026-13-45"), r -> { }), "businessDate");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertViolation(visitClosed(p -> p.put("nik", "3515084107900001")), "nik");
    }

    @Test
    void anOptionalFieldMayBeAbsent() {
        // VisitClosed.zone was added within v1: events recorded before it have none
        assertEquals(List.of(), CONTRACT.violations(visitClosed(p -> p.remove("zone"))));
    }

    @Test
    void anUnknownCeTypeIsNamed() {
        var r = withExample("VisitClosed", rec -> header(rec, "ce_type", "loket.queue.TicketEaten"));
        assertViolation(r, "ce_type loket.queue.TicketEaten");
        // a type of another topic is unknown here too
        assertViolation(withExample("VisitClosed", rec -> header(rec, "ce_type", "loket.feedback.SurveyOffered")),
                "ce_type loket.feedback.SurveyOffered");
    }

    @Test
    void anUnknownSchemaVersionIsNamed() {
        assertViolation(withExample("VisitClosed", rec -> header(rec, "ce_dataschemaversion", "2")),
                "ce_dataschemaversion 2");
    }

    @Test
    void aTypeWithTwoSchemaVersionsIsCheckedAgainstTheMessageOfItsVersion(@TempDir Path dir) throws Exception {
        // the upcasting policy: a breaking change is a new version, and both stay in the contract
        Path yaml = dir.resolve("asyncapi.yaml");
        Files.writeString(yaml, """
                asyncapi: 3.0.0
                info: {title: t, version: '1'}
                channels:
                  things:
                    address: loket.queue.events
                    messages:
                      ThingV1: {$ref: '#/components/messages/ThingV1'}
                      ThingV2: {$ref: '#/components/messages/ThingV2'}
                components:
                  messages:
                    ThingV1:
                      name: ThingV1
                      headers:
                        allOf:
                          - {$ref: '#/components/schemas/H'}
                          - properties: {ce_type: {const: loket.queue.Thing}, ce_dataschemaversion: {const: '1'}}
                      payload: {type: object, additionalProperties: false, required: [name], properties: {name: {type: string}}}
                      bindings: {kafka: {key: {type: string, pattern: '^thing-'}}}
                    ThingV2:
                      name: ThingV2
                      headers:
                        allOf:
                          - {$ref: '#/components/schemas/H'}
                          - properties: {ce_type: {const: loket.queue.Thing}, ce_dataschemaversion: {const: '2'}}
                      payload: {type: object, additionalProperties: false, required: [firstName], properties: {firstName: {type: string}}}
                      bindings: {kafka: {key: {type: string, pattern: '^thing-'}}}
                  schemas:
                    H: {type: object, required: [ce_type, ce_dataschemaversion], properties: {ce_type: {type: string}}}
                """);
        EventContract contract = EventContract.load(yaml);
        assertEquals(Set.of("loket.queue.Thing"), contract.ceTypes("loket.queue.events"));
        assertEquals(List.of(), contract.violations(thing("1", "{\"name\":\"a\"}")));
        assertEquals(List.of(), contract.violations(thing("2", "{\"firstName\":\"a\"}")));
        var v1AsV2 = contract.violations(thing("2", "{\"name\":\"a\"}"));
        assertTrue(v1AsV2.stream().anyMatch(v -> v.contains("firstName")), v1AsV2.toString());
        var v3 = contract.violations(thing("3", "{\"name\":\"a\"}"));
        assertTrue(v3.stream().anyMatch(v -> v.contains("ce_dataschemaversion 3")), v3.toString());
    }

    private static ConsumerRecord<String, byte[]> thing(String version, String payload) {
        var r = new ConsumerRecord<>("loket.queue.events", 0, 0L, "thing-1", payload.getBytes(StandardCharsets.UTF_8));
        header(r, "ce_type", "loket.queue.Thing");
        header(r, "ce_dataschemaversion", version);
        return r;
    }

    @Test
    void anUnknownTopicIsNamed() {
        JsonNode example = message("VisitClosed").examples().getFirst();
        assertViolation(record("loket.visits", example, r -> { }), "topic loket.visits");
    }

    @Test
    void aBadKeyIsNamed() {
        JsonNode example = message("VisitClosed").examples().getFirst();
        // not a ticket key at all
        assertViolation(record("loket.queue.events", "ticket-123", example, r -> header(r, "ce_subject", "ticket-123")),
                "key ticket-123");
        // a well-formed key of another ticket than the payload's
        String other = "ticket-00000000-0000-4000-8000-000000000000";
        assertViolation(record("loket.queue.events", other, example, r -> header(r, "ce_subject", other)),
                "is not ticket-{ticketId}");
        // a key that is not the stream id in ce_subject
        assertViolation(record("loket.queue.events", other, example, r -> { }), "differs from ce_subject");
        assertViolation(record("loket.queue.events", null, example, r -> { }), "key is missing");
    }

    @Test
    void badHeadersAreNamed() {
        assertViolation(withExample("VisitClosed", r -> r.headers().remove("correlation_id")), "correlation_id");
        assertViolation(withExample("VisitClosed", r -> header(r, "ce_id", "42")), "ce_id");
        assertViolation(withExample("VisitClosed", r -> header(r, "ce_time", "yesterday")), "ce_time");
        assertViolation(withExample("VisitClosed", r -> header(r, "ce_source", "/loket/feedback")), "ce_source");
        assertViolation(withExample("VisitClosed", r -> header(r, "ce_specversion", "0.3")), "ce_specversion");
        assertViolation(withExample("VisitClosed", r -> r.headers().add("ce_id", "second".getBytes(StandardCharsets.UTF_8))),
                "header ce_id appears 2 times");
        assertViolation(withExample("VisitClosed", r -> r.headers().remove("ce_type")), "ce_type is missing");
        assertViolation(withExample("VisitClosed", r -> header(r, "traceparent", "00-trace")), "traceparent");
        assertEquals(List.of(), CONTRACT.violations(withExample("VisitClosed",
                r -> header(r, "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))));
        // headers the contract does not name are allowed
        assertEquals(List.of(), CONTRACT.violations(withExample("VisitClosed", r -> header(r, "x-replayed-by", "ops"))));
    }

    @Test
    void aPayloadThatIsNotJsonIsReported() {
        JsonNode example = message("VisitClosed").examples().getFirst();
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>("loket.queue.events", 0, 0L,
                example.path("headers").path("ce_subject").asText(), "{not json".getBytes(StandardCharsets.UTF_8));
        example.path("headers").properties().forEach(h -> header(r, h.getKey(), h.getValue().asText()));
        assertViolation(r, "payload is not JSON");
    }

    @Test
    void assertValidListsEveryViolation() {
        var r = visitClosed(p -> {
            p.remove("ticketNumber");
            p.put("servedSeconds", -1);
        });
        AssertionError e = assertThrows(AssertionError.class, () -> CONTRACT.assertValid(r));
        assertTrue(e.getMessage().contains("ticketNumber"), e.getMessage());
        assertTrue(e.getMessage().contains("servedSeconds"), e.getMessage());
        assertTrue(e.getMessage().contains("loket.queue.VisitClosed"), e.getMessage());
        CONTRACT.assertValid(visitClosed(p -> { }));
        AssertionError all = assertThrows(AssertionError.class, () -> CONTRACT.assertAllValid(List.of(visitClosed(p -> { }), r)));
        assertTrue(all.getMessage().startsWith("1 of 2 record(s)"), all.getMessage());
    }

    @Test
    void theContractIsFoundFromAnyDirectoryBelowTheRepositoryRoot() {
        var root = CONTRACT.source().getParent().getParent().getParent();
        assertEquals(CONTRACT.source(), EventContract.locate(root.resolve("platform-test/src/test/java")));
        assertThrows(IllegalStateException.class, () -> EventContract.locate(root.getRoot()));
    }

    // -------------------------------------------------------------------------------- AsyncAPI 3 structure

    @Test
    void theDocumentIsStructurallyAsyncApi3() {
        JsonNode doc = CONTRACT.document();
        assertEquals("3.0.0", doc.path("asyncapi").asText());
        assertFalse(doc.path("info").path("title").asText().isBlank(), "info.title");
        assertFalse(doc.path("info").path("version").asText().isBlank(), "info.version");
        assertEquals(Set.of("loket.queue.events", "loket.membership.events", "loket.complaint.events", "loket.feedback.events"),
                CONTRACT.topics());
        assertFalse(doc.at("/components/schemas/CloudEventHeaders").isMissingNode(), "the common headers schema");

        List<String> problems = new ArrayList<>();
        Set<String> usedMessages = new HashSet<>();
        doc.path("channels").properties().forEach(c -> {
            String channel = c.getKey();
            if (c.getValue().path("address").asText().isBlank()) problems.add("channel " + channel + " has no address");
            if (c.getValue().path("messages").isEmpty()) problems.add("channel " + channel + " has no messages");
            c.getValue().path("messages").properties().forEach(m -> {
                String ref = m.getValue().path("$ref").asText();
                if (!ref.startsWith("#/components/messages/") || resolve(ref).isMissingNode()) {
                    problems.add("channel " + channel + " message " + m.getKey() + " refers to nothing: " + ref);
                }
                usedMessages.add(ref);
            });
        });
        doc.path("operations").properties().forEach(o -> {
            JsonNode op = o.getValue();
            if (!Set.of("send", "receive").contains(op.path("action").asText())) problems.add("operation " + o.getKey() + " action");
            String channelRef = op.path("channel").path("$ref").asText();
            if (!channelRef.startsWith("#/channels/") || resolve(channelRef).isMissingNode()) {
                problems.add("operation " + o.getKey() + " refers to no channel: " + channelRef);
            }
            for (JsonNode m : op.path("messages")) {
                String ref = m.path("$ref").asText();
                // AsyncAPI 3: an operation's messages are a subset of its channel's messages, referenced there
                if (!ref.startsWith(channelRef + "/messages/") || resolve(ref).isMissingNode()) {
                    problems.add("operation " + o.getKey() + " message is not one of its channel's: " + ref);
                }
            }
        });
        doc.path("components").path("messages").properties().forEach(m -> {
            String ref = "#/components/messages/" + m.getKey();
            if (!usedMessages.contains(ref)) problems.add("message " + m.getKey() + " is on no channel");
            JsonNode msg = m.getValue();
            for (String part : List.of("payload", "headers", "bindings")) {
                if (msg.path(part).isMissingNode()) problems.add("message " + m.getKey() + " has no " + part);
            }
            if (msg.path("bindings").path("kafka").path("key").isMissingNode()) problems.add("message " + m.getKey() + " has no Kafka key");
            if (!m.getKey().equals(msg.path("name").asText())) problems.add("message " + m.getKey() + " is named " + msg.path("name"));
        });
        allRefs(doc, "", problems);
        // every channel publishes through exactly one operation
        assertEquals(CONTRACT.topics().size(), doc.path("operations").size(), "operations");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyPayloadSchemaIsStrictAndItsRequiredFieldsExist() {
        List<String> problems = new ArrayList<>();
        for (EventContract.Message m : CONTRACT.messages()) {
            JsonNode schema = resolve(m.node().path("payload").path("$ref").asText());
            if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
                problems.add(m.name() + " payload allows additional properties");
            }
            for (JsonNode required : schema.path("required")) {
                if (!schema.path("properties").has(required.asText())) problems.add(m.name() + " requires unknown " + required);
            }
        }
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static void allRefs(JsonNode node, String at, List<String> problems) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && resolve(e.getValue().asText()).isMissingNode()) {
                    problems.add(at + " $ref " + e.getValue().asText() + " resolves to nothing");
                }
                allRefs(e.getValue(), at + "/" + e.getKey(), problems);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) allRefs(node.get(i), at + "/" + i, problems);
        }
    }

    private static JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        return CONTRACT.document().at(ref.substring(1));
    }

    private static EventContract.Message message(String name) {
        return CONTRACT.messages().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no message " + name));
    }

    private static ConsumerRecord<String, byte[]> visitClosed(Consumer<ObjectNode> payloadChange) {
        return example("VisitClosed", payloadChange, r -> { });
    }

    private static ConsumerRecord<String, byte[]> withExample(String name, Consumer<ConsumerRecord<String, byte[]>> change) {
        return example(name, p -> { }, change);
    }

    /** The first example of message {@code name}, its payload and then the record changed as given. */
    private static ConsumerRecord<String, byte[]> example(String name, Consumer<ObjectNode> payloadChange,
                                                          Consumer<ConsumerRecord<String, byte[]>> recordChange) {
        EventContract.Message m = message(name);
        JsonNode example = m.examples().getFirst();
        ObjectNode payload = example.path("payload").deepCopy();
        payloadChange.accept(payload);
        return record(m.topic(), example.path("headers").path("ce_subject").asText(), example.path("headers"), payload,
                recordChange);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, JsonNode example,
                                                         Consumer<ConsumerRecord<String, byte[]>> change) {
        return record(topic, example.path("headers").path("ce_subject").asText(), example, change);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, JsonNode example,
                                                         Consumer<ConsumerRecord<String, byte[]>> change) {
        return record(topic, key, example.path("headers"), example.path("payload"), change);
    }

    /** A record as the relay sends it: headers as UTF-8 text, the payload as JSON bytes. */
    private static ConsumerRecord<String, byte[]> record(String topic, String key, JsonNode headers, JsonNode payload,
                                                         Consumer<ConsumerRecord<String, byte[]>> change) {
        try {
            ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(topic, 0, 0L, key, JSON.writeValueAsBytes(payload));
            headers.properties().forEach(h -> header(r, h.getKey(), h.getValue().asText()));
            change.accept(r);
            return r;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ConsumerRecord<String, byte[]> r, String name, String value) {
        r.headers().remove(name);
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertViolation(ConsumerRecord<String, byte[]> record, String naming) {
        List<String> violations = CONTRACT.violations(record);
        assertNotNull(violations);
        if (violations.stream().noneMatch(v -> v.contains(naming))) {
            fail("expected a violation naming '" + naming + "', got " + violations);
        }
    }
}
