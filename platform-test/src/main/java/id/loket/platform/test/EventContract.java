package id.loket.platform.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event contract, {@code docs/events/asyncapi.yaml}, as a checker of published records: a record read from
 * a Loket topic (e.g. by {@link TopicReader}) must be on a known topic, carry a {@code ce_type} (and schema
 * version) that topic publishes, carry well-formed CloudEvents headers, have the key its message describes, and
 * a payload valid against the message's JSON Schema.
 *
 * <pre>{@code
 * EventContract contract = EventContract.load();   // finds docs/events/asyncapi.yaml above the working directory
 * contract.assertValid(reader.awaitRecord(r -> r.key().equals("ticket-" + id), Duration.ofSeconds(10)));
 * contract.assertAllValid(reader.fetch());
 * }</pre>
 *
 * <p>How the yaml is read: a message's {@code headers} schema fixes {@code ce_type} and
 * {@code ce_dataschemaversion} with {@code const}, its Kafka binding's {@code key} schema gives the key pattern,
 * and {@code x-key-template} (e.g. {@code ticket-{ticketId}}) says which payload fields the key is made of.
 * Payload schemas follow JSON Schema draft 7 (AsyncAPI 3's default schema format), formats asserted.
 */
public final class EventContract {

    /** Where the contract lives, relative to the repository root. */
    public static final String LOCATION = "docs/events/asyncapi.yaml";

    // Only a name for the document, so that "#/components/…" references resolve; never fetched.
    private static final String BASE = "https://loket.invalid/events/asyncapi.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, EventContract> LOADED = new ConcurrentHashMap<>();

    /** One message of the contract: an event type at one schema version, on one topic. */
    public record Message(String name, String topic, String ceType, String schemaVersion, String keyTemplate,
                          JsonNode node) {

        /** The message's examples (each with {@code headers} and {@code payload}). */
        public List<JsonNode> examples() {
            List<JsonNode> out = new ArrayList<>();
            node.path("examples").forEach(out::add);
            return out;
        }
    }

    private final Path source;
    private final JsonNode document;
    private final Map<String, Map<String, Map<String, Message>>> byTopic; // topic → ce_type → version → message
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private EventContract(Path source, JsonNode document) {
        this.source = source;
        this.document = document;
        this.byTopic = index(document);
        String json;
        try {
            json = JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        // Draft 7, AsyncAPI 3's default schema format. Its other keywords (the document's own, x- extensions)
        // carry no validation: ignored quietly instead of a warning each.
        Dialect dialect = Dialect.builder(Dialects.getDraft7())
                .unknownKeywordFactory((name, context) -> new NonValidationKeyword(name))
                .build();
        this.registry = SchemaRegistry.withDefaultDialect(dialect,
                b -> b.schemaRegistryConfig(config).schemas(Map.of(BASE, json)));
    }

    /** The contract of the repository that holds the working directory (found by walking up from it). */
    public static EventContract load() {
        return load(locate(Path.of("").toAbsolutePath()));
    }

    /** The contract in {@code asyncapiYaml}; loaded once per path. */
    public static EventContract load(Path asyncapiYaml) {
        return LOADED.computeIfAbsent(asyncapiYaml.toAbsolutePath().normalize(), p -> {
            try {
                return new EventContract(p, new YAMLMapper().readTree(p.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the event contract " + p, e);
            }
        });
    }

    /** {@code docs/events/asyncapi.yaml} in {@code start} or the nearest directory above it that has one. */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LOCATION);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no " + LOCATION + " in " + start + " or any directory above it");
    }

    public Path source() {
        return source;
    }

    /** The whole AsyncAPI document, as parsed. */
    public JsonNode document() {
        return document;
    }

    /** The topics (channel addresses) of the contract. */
    public Set<String> topics() {
        return new TreeSet<>(byTopic.keySet());
    }

    /** Every message of the contract, by topic and ce_type. */
    public List<Message> messages() {
        List<Message> out = new ArrayList<>();
        byTopic.values().forEach(types -> types.values().forEach(versions -> out.addAll(versions.values())));
        return out;
    }

    /** The {@code ce_type}s published on {@code topic} (empty for an unknown topic). */
    public Set<String> ceTypes(String topic) {
        return new TreeSet<>(byTopic.getOrDefault(topic, Map.of()).keySet());
    }

    /** Throws an AssertionError listing every violation of the contract by {@code record}. */
    public void assertValid(ConsumerRecord<String, byte[]> record) {
        List<String> violations = violations(record);
        if (!violations.isEmpty()) {
            throw new AssertionError(describe(record) + " breaks the event contract (" + source + "):\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /** Throws an AssertionError listing every record that breaks the contract, with its violations. */
    public void assertAllValid(Collection<ConsumerRecord<String, byte[]>> records) {
        StringBuilder failures = new StringBuilder();
        int bad = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            List<String> violations = violations(r);
            if (violations.isEmpty()) continue;
            bad++;
            failures.append('\n').append(describe(r)).append(":\n  - ").append(String.join("\n  - ", violations));
        }
        if (bad > 0) {
            throw new AssertionError(bad + " of " + records.size() + " record(s) break the event contract (" + source
                    + "):" + failures);
        }
    }

    /** What is wrong with {@code record} by the contract, readable; empty when nothing is. */
    public List<String> violations(ConsumerRecord<String, byte[]> record) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header h : record.headers()) {
            headers.computeIfAbsent(h.key(), k -> new ArrayList<>())
                    .add(h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return violations(record.topic(), record.key(), headers, record.value());
    }

    /**
     * What is wrong with a record given by its parts (headers by name, every value in arrival order; a value
     * may be null): for records that do not come from a Kafka consumer, e.g. examples.
     */
    public List<String> violations(String topic, String key, Map<String, List<String>> headers, byte[] value) {
        List<String> out = new ArrayList<>();
        Map<String, Map<String, Message>> types = byTopic.get(topic);
        if (types == null) {
            out.add("topic " + topic + " is not in the contract (topics: " + topics() + ")");
            return out;
        }
        Map<String, String> single = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (values.size() > 1 && isContractHeader(name)) {
                out.add("header " + name + " appears " + values.size() + " times");
            }
            String last = values.getLast();
            if (last == null) {
                out.add("header " + name + " has no value");
            } else {
                single.put(name, last);
            }
        });

        String ceType = single.get("ce_type");
        String version = single.get("ce_dataschemaversion");
        Message message = null;
        if (ceType == null) {
            out.add("header ce_type is missing");
        } else if (!types.containsKey(ceType)) {
            out.add("ce_type " + ceType + " is not a message of " + topic + " (known: " + ceTypes(topic) + ")");
        } else if (version == null || !types.get(ceType).containsKey(version)) {
            out.add("ce_dataschemaversion " + version + " of " + ceType + " is not in the contract (versions: "
                    + types.get(ceType).keySet() + ")");
        } else {
            message = types.get(ceType).get(version);
        }

        // Without a message, the headers are still checked against the common CloudEvents schema, if any.
        String headerSchema = message != null ? "#/components/messages/" + message.name() + "/headers"
                : document.at("/components/schemas/CloudEventHeaders").isMissingNode() ? null
                : "#/components/schemas/CloudEventHeaders";
        if (headerSchema != null) {
            for (Error e : schema(headerSchema).validate(JSON.valueToTree(single))) {
                out.add(located("headers", e));
            }
        }
        if (key == null) {
            out.add("key is missing (expected the stream id)");
        } else if (single.containsKey("ce_subject") && !key.equals(single.get("ce_subject"))) {
            out.add("key " + key + " differs from ce_subject " + single.get("ce_subject"));
        }

        JsonNode payload = null;
        if (value == null) {
            out.add("payload is missing");
        } else {
            try {
                payload = JSON.readTree(value);
            } catch (JsonProcessingException e) {
                out.add("payload is not JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                out.add("payload is not JSON: " + e.getMessage());
            }
            if (payload != null && !payload.isObject()) {
                out.add("payload is not a JSON object");
                payload = null;
            }
        }
        if (message == null) return out;

        if (key != null) {
            for (Error e : schema("#/components/messages/" + message.name() + "/bindings/kafka/key")
                    .validate(JSON.getNodeFactory().textNode(key))) {
                out.add("key " + key + ": " + e.getMessage());
            }
            if (payload != null && message.keyTemplate() != null) {
                String expected = fill(message.keyTemplate(), payload);
                if (expected != null && !expected.equals(key)) {
                    out.add("key " + key + " is not " + message.keyTemplate() + " of the payload (" + expected + ")");
                }
            }
        }
        if (payload != null) {
            for (Error e : schema("#/components/messages/" + message.name() + "/payload").validate(payload)) {
                out.add(located("payload", e));
            }
        }
        return out;
    }

    /** Violations of {@code payload} alone against the schema of {@code message}. */
    public List<String> payloadViolations(Message message, JsonNode payload) {
        return schema("#/components/messages/" + message.name() + "/payload").validate(payload).stream()
                .map(e -> located("payload", e)).toList();
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> {
            Schema s = registry.getSchema(SchemaLocation.of(BASE + p));
            s.initializeValidators(); // a broken $ref fails here, once, not in the middle of a check
            return s;
        });
    }

    /** "payload /closedAt: does not match …", "payload: required property 'x' not found" */
    private static String located(String part, Error e) {
        String at = e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString();
        return part + (at.isEmpty() ? "" : " " + at) + ": " + e.getMessage();
    }

    private static boolean isContractHeader(String name) {
        return name.startsWith("ce_") || name.equals("content-type") || name.equals("correlation_id")
                || name.equals("causation_id");
    }

    /** The template with every {field} taken from the payload's top level; null when one is missing. */
    private static String fill(String template, JsonNode payload) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode v = payload.get(m.group(1));
            if (v == null || v.isNull() || v.isContainerNode()) return null; // the payload check reports it
            m.appendReplacement(out, Matcher.quoteReplacement(v.asText()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String describe(ConsumerRecord<String, byte[]> r) {
        Header type = r.headers().lastHeader("ce_type");
        return r.topic() + "-" + r.partition() + "@" + r.offset() + " key " + r.key() + " ce_type "
                + (type == null || type.value() == null ? null : new String(type.value(), StandardCharsets.UTF_8));
    }

    /** topic → ce_type → schema version → message, from the channels and the messages' header consts. */
    private static Map<String, Map<String, Map<String, Message>>> index(JsonNode document) {
        Map<String, Map<String, Map<String, Message>>> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String topic = channel.getValue().path("address").asText(null);
            if (topic == null) throw new IllegalStateException("channel " + channel.getKey() + " has no address");
            Map<String, Map<String, Message>> types = out.computeIfAbsent(topic, t -> new TreeMap<>());
            for (Map.Entry<String, JsonNode> ref : channel.getValue().path("messages").properties()) {
                String name = messageName(ref.getValue().path("$ref").asText(""));
                JsonNode node = document.path("components").path("messages").path(name);
                if (node.isMissingNode()) {
                    throw new IllegalStateException("channel " + channel.getKey() + " refers to no message " + ref.getValue());
                }
                String ceType = headerConst(node.path("headers"), "ce_type");
                String version = headerConst(node.path("headers"), "ce_dataschemaversion");
                if (ceType == null || version == null) {
                    throw new IllegalStateException("message " + name + " does not fix ce_type and ce_dataschemaversion in its headers");
                }
                Message previous = types.computeIfAbsent(ceType, t -> new TreeMap<>())
                        .put(version, new Message(name, topic, ceType, version, node.path("x-key-template").asText(null), node));
                if (previous != null) {
                    throw new IllegalStateException(ceType + " v" + version + " is both " + previous.name() + " and " + name);
                }
            }
        }
        return out;
    }

    private static String messageName(String ref) {
        String prefix = "#/components/messages/";
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }

    /** The {@code const} of a header in a headers schema, looking through allOf (references are not followed). */
    private static String headerConst(JsonNode schema, String header) {
        JsonNode c = schema.path("properties").path(header).path("const");
        if (c.isTextual()) return c.asText();
        for (JsonNode part : schema.path("allOf")) {
            String found = headerConst(part, header);
            if (found != null) return found;
        }
        return null;
    }
}
