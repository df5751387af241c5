package id.loket.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract against the code: every event record of the four services (the records implementing a sealed
 * {@code *Event} interface under {@code <service>/src/main/java}) has a message on its service's topic, and its
 * fields match the payload schema. So a new event, or a new field, without a schema fails the build.
 *
 * <p>Read from the source text rather than by reflection: platform-test cannot depend on the services (they
 * depend on it). The field check follows the JSON the services write (every record component, camelCase,
 * null included): each component must be a schema property of a compatible type, and each required property a
 * component. An optional property without a component is allowed: it describes a field that some events lack
 * (added later, or being added in a parallel change).
 */
class EventContractCoverageTest {

    private static final EventContract CONTRACT = EventContract.load();
    private static final Path ROOT = CONTRACT.source().getParent().getParent().getParent();
    private static final List<String> SERVICES = List.of("queue", "membership", "complaint", "feedback");

    private static final Pattern SEALED_EVENT = Pattern.compile("sealed\\s+interface\\s+(\\w+Event)\\b");
    private static final Pattern SUB_FAMILY = Pattern.compile("sealed\\s+interface\\s+(\\w+)\\s+extends\\s+([\\w.\\s,]+?)\\s*\\{");
    private static final Pattern RECORD = Pattern.compile(
            "record\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*(?:implements\\s+([\\w.\\s,]+?))?\\s*\\{");

    record Component(String type, String name) {
    }

    record EventRecord(String service, String name, List<Component> components, Path file,
                       Map<String, List<Component>> nestedRecords) {
    }

    @Test
    void everyEventRecordOfTheFourServicesHasAMessageWithTheSameFields() throws IOException {
        List<EventRecord> events = eventRecords();
        List<String> problems = new ArrayList<>();
        Set<String> found = new TreeSet<>();
        for (EventRecord e : events) {
            String topic = "loket." + e.service() + ".events";
            String ceType = "loket." + e.service() + "." + e.name();
            found.add(ceType);
            EventContract.Message message = CONTRACT.messages().stream()
                    .filter(m -> m.topic().equals(topic) && m.ceType().equals(ceType))
                    .max(Comparator.comparing(m -> Integer.parseInt(m.schemaVersion())))
                    .orElse(null);
            if (message == null) {
                problems.add(ceType + " (" + ROOT.relativize(e.file()) + ") has no message on " + topic + " in " + EventContract.LOCATION);
                continue;
            }
            JsonNode schema = deref(message.node().path("payload"));
            compare(ceType, e.components(), schema, e.nestedRecords(), problems);
        }
        for (EventContract.Message m : CONTRACT.messages()) {
            if (!found.contains(m.ceType())) problems.add(m.ceType() + " is in the contract but no service has its record");
        }
        assertEquals(List.of(), problems);
        // the scan itself must keep finding the events (a moved source tree must not make this pass vacuously)
        assertTrue(events.size() >= 40, "event records found: " + events.size());
    }

    @Test
    void theScanFindsRecordsAcrossLinesAndIgnoresNestedValueRecords() {
        String source = """
                public sealed interface ThingEvent {
                    record Line(UUID participantId, long amount) {
                    }
                    record ThingHappened(UUID thingId,
                                         Map<String, List<Integer>> counts, Line line) implements ThingEvent {
                        public Instant at() { return null; }
                    }
                }
                """;
        List<EventRecord> records = parse("x", Path.of("ThingEvent.java"), source);
        assertEquals(1, records.size());
        assertEquals("ThingHappened", records.getFirst().name());
        assertEquals(List.of(new Component("UUID", "thingId"), new Component("Map<String, List<Integer>>", "counts"),
                new Component("Line", "line")), records.getFirst().components());
        assertEquals(List.of(new Component("UUID", "participantId"), new Component("long", "amount")),
                records.getFirst().nestedRecords().get("Line"));
    }

    // --------------------------------------------------------------------------------------------- compare

    private static void compare(String where, List<Component> components, JsonNode schema,
                                Map<String, List<Component>> nested, List<String> problems) {
        JsonNode properties = schema.path("properties");
        Set<String> names = new TreeSet<>();
        for (Component c : components) {
            names.add(c.name());
            JsonNode property = properties.path(c.name());
            if (property.isMissingNode()) {
                problems.add(where + "." + c.name() + " (" + c.type() + ") is not in the payload schema");
                continue;
            }
            String mismatch = typeMismatch(c.type(), deref(property));
            if (mismatch != null) problems.add(where + "." + c.name() + " (" + c.type() + "): " + mismatch);
            String element = listElement(c.type());
            String recordType = element != null ? element : c.type();
            if (nested.containsKey(recordType)) {
                JsonNode nestedSchema = deref(element != null ? deref(property).path("items") : deref(property));
                compare(where + "." + c.name(), nested.get(recordType), nestedSchema, nested, problems);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!names.contains(required.asText())) {
                problems.add(where + " requires " + required.asText() + " but the record has no such field");
            }
        }
    }

    /** Why the schema cannot hold what Jackson writes for a Java type; null when it can (or is not checked). */
    private static String typeMismatch(String javaType, JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) type.forEach(t -> types.add(t.asText()));
        else if (type.isTextual()) types.add(type.asText());
        if (types.isEmpty() && schema.has("allOf")) return null; // composed: not checked here
        boolean primitive = Set.of("int", "long", "short", "boolean", "double").contains(javaType);
        if (primitive && types.contains("null")) return "a primitive is never null, the schema allows null";
        String format = schema.path("format").asText("");
        String base = javaType.replaceAll("<.*", "");
        return switch (base) {
            case "UUID" -> types.contains("string") && format.equals("uuid") ? null : "expected a string of format uuid";
            case "Instant" -> types.contains("string") && format.equals("date-time") ? null : "expected a string of format date-time";
            case "LocalDate" -> types.contains("string") && format.equals("date") ? null : "expected a string of format date";
            case "YearMonth" -> types.contains("string") && schema.has("pattern") ? null : "expected a string with a YYYY-MM pattern";
            case "String" -> types.contains("string") ? null : "expected a string";
            case "int", "long", "short", "Integer", "Long", "Short" -> types.contains("integer") ? null : "expected an integer";
            case "boolean", "Boolean" -> types.contains("boolean") ? null : "expected a boolean";
            case "List", "Set", "Collection" -> types.contains("array") ? null : "expected an array";
            default -> types.contains("string") || types.contains("object") ? null : "expected an enum string or an object";
        };
    }

    private static String listElement(String javaType) {
        Matcher m = Pattern.compile("^(?:List|Set|Collection)<\\s*([\\w.]+)\\s*>$").matcher(javaType);
        return m.matches() ? m.group(1) : null;
    }

    private static JsonNode deref(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.path("$ref").asText();
            node = ref.startsWith("#/") ? CONTRACT.document().at(ref.substring(1)) : MissingNode.getInstance();
        }
        return node;
    }

    // ------------------------------------------------------------------------------------------- the scan

    private static List<EventRecord> eventRecords() throws IOException {
        List<EventRecord> out = new ArrayList<>();
        for (String service : SERVICES) {
            Path sources = ROOT.resolve(service + "-service/src/main/java");
            assertTrue(Files.isDirectory(sources), sources + " is missing");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    out.addAll(parse(service, f, Files.readString(f)));
                }
            }
        }
        return out;
    }

    /** The records of a file that implement a sealed *Event interface declared in it. */
    static List<EventRecord> parse(String service, Path file, String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
        Matcher sealed = SEALED_EVENT.matcher(code);
        if (!sealed.find()) return List.of();
        String family = sealed.group(1);
        // a sealed sub-family declared in the same file (e.g. ParticipantEvent.FourEyes) is part of the family
        java.util.Set<String> families = new java.util.HashSet<>(List.of(family));
        Matcher sub = SUB_FAMILY.matcher(code);
        while (sub.find()) {
            if (Stream.of(sub.group(2).split(",")).map(x -> x.trim().replaceAll(".*\\.", "")).anyMatch(family::equals)) {
                families.add(sub.group(1));
            }
        }
        Map<String, List<Component>> all = new LinkedHashMap<>();
        Map<String, Boolean> isEvent = new LinkedHashMap<>();
        Matcher r = RECORD.matcher(code);
        while (r.find()) {
            all.put(r.group(1), components(r.group(2)));
            String implemented = r.group(3) == null ? "" : r.group(3);
            isEvent.put(r.group(1), Stream.of(implemented.split(","))
                    .map(s -> s.trim().replaceAll(".*\\.", "")).anyMatch(families::contains));
        }
        Map<String, List<Component>> nested = new LinkedHashMap<>();
        all.forEach((name, c) -> {
            if (!isEvent.get(name)) nested.put(name, c);
        });
        List<EventRecord> out = new ArrayList<>();
        all.forEach((name, c) -> {
            if (isEvent.get(name)) out.add(new EventRecord(service, name, c, file, nested));
        });
        return out;
    }

    private static List<Component> components(String list) {
        List<Component> out = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char ch : (list + ",").toCharArray()) {
            if (ch == '<') depth++;
            if (ch == '>') depth--;
            if (ch == ',' && depth == 0) {
                String part = current.toString().replaceAll("@\\w+(\\.\\w+)*", "").trim().replaceAll("\\s+", " ");
                if (!part.isEmpty()) {
                    int space = part.lastIndexOf(' ');
                    out.add(new Component(part.substring(0, space).trim(), part.substring(space + 1)));
                }
                current.setLength(0);
            } else {
                current.append(ch);
            }
        }
        return out;
    }
}
