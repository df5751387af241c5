package id.loket.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Bad input, generated from a service's own OpenAPI document ({@code /q/openapi?format=json}): for every
 * operation, malformed and boundary path parameters, query parameters and JSON bodies (each property in turn
 * null, of the wrong type, empty, huge, out of range, not in its enum; the body missing, not JSON, not an
 * object). Every answer must be below 500, and every 4xx must be {@code application/problem+json}. Each request
 * carries its own correlation id, so a probe can check that a rejected request appended nothing.
 *
 * <pre>{@code
 * var report = OpenApiFuzzer.against(base).stateProbe(OpenApiFuzzer.eventsIn(dataSource)).run(42);
 * assertThat(report.findings()).isEmpty();
 * }</pre>
 */
public final class OpenApiFuzzer {

    /** A request whose answer broke a rule. */
    public record Finding(String method, String path, String body, int status, String contentType, String rule) {
        @Override
        public String toString() {
            return method + " " + path + " " + abbreviate(body) + " -> " + status + " " + contentType + ": " + rule;
        }
    }

    public record Report(int sent, int rejected, int accepted, List<Finding> findings) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(100_000);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Predicate<String> include = path -> !path.startsWith("/q/");
    private ToLongFunction<String> probe;
    private String authorization;

    private OpenApiFuzzer(URI base) {
        this.base = base;
    }

    public static OpenApiFuzzer against(URI base) {
        return new OpenApiFuzzer(base);
    }

    /** Only paths (as written in the document, e.g. {@code /tickets/{id}}) that pass this; never {@code /q/…}. */
    public OpenApiFuzzer include(Predicate<String> paths) {
        this.include = paths.and(path -> !path.startsWith("/q/"));
        return this;
    }

    /**
     * The {@code Authorization} header of every request (default: {@link TestTokens#staff()}, so the fuzz
     * reaches the code behind the security check rather than stopping at 401).
     */
    public OpenApiFuzzer authorization(String header) {
        this.authorization = header;
        return this;
    }

    /** How many events a request with this correlation id appended; must be 0 for every rejected request. */
    public OpenApiFuzzer stateProbe(ToLongFunction<String> eventsWithCorrelationId) {
        this.probe = eventsWithCorrelationId;
        return this;
    }

    /** A probe over the platform's event store in the service's database. */
    public static ToLongFunction<String> eventsIn(javax.sql.DataSource dataSource) {
        return correlationId -> {
            try (var c = dataSource.getConnection();
                 var ps = c.prepareStatement("SELECT count(*) FROM event_store WHERE metadata::text LIKE ?")) {
                ps.setString(1, "%" + correlationId + "%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    public Report run(long seed) {
        Random random = new Random(seed);
        JsonNode doc = get("/q/openapi?format=json");
        JsonNode schemas = doc.path("components").path("schemas");
        int sent = 0, rejected = 0, accepted = 0;
        List<Finding> findings = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!include.test(p.getKey())) continue;
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                for (Attempt a : attempts(p.getKey(), op.getValue(), p.getValue(), schemas, random)) {
                    if (isStream(op.getValue())) continue;
                    String correlationId = "fuzz-" + UUID.randomUUID();
                    HttpResponse<String> r = send(method, a, correlationId);
                    sent++;
                    int status = r.statusCode();
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (status >= 500) {
                        findings.add(new Finding(method, a.path, a.body, status, type, "server error"));
                    } else if (status >= 400) {
                        rejected++;
                        if (!type.startsWith("application/problem+json")) {
                            findings.add(new Finding(method, a.path, a.body, status, type, "error is not problem+json"));
                        }
                        if (probe != null && probe.applyAsLong(correlationId) > 0) {
                            findings.add(new Finding(method, a.path, a.body, status, type, "rejected but appended events"));
                        }
                    } else {
                        accepted++;
                    }
                }
            }
        }
        return new Report(sent, rejected, accepted, findings);
    }

    private record Attempt(String path, String body, String contentType) {
    }

    private static boolean isStream(JsonNode op) {
        return op.path("responses").toString().contains("text/event-stream");
    }

    private List<Attempt> attempts(String template, JsonNode op, JsonNode pathItem, JsonNode schemas, Random random) {
        List<Attempt> out = new ArrayList<>();
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode params : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode param : params) {
                JsonNode resolved = resolve(param, schemas);
                if ("path".equals(resolved.path("in").asText())) pathParams.put(resolved.path("name").asText(), resolve(resolved.path("schema"), schemas));
                if ("query".equals(resolved.path("in").asText())) queryParams.put(resolved.path("name").asText(), resolve(resolved.path("schema"), schemas));
            }
        }
        JsonNode bodySchema = resolve(op.path("requestBody").path("content").path("application/json").path("schema"), schemas);
        boolean json = !bodySchema.isMissingNode();
        ObjectNode valid = json && bodySchema.path("properties").isObject() ? sample(bodySchema, schemas, random) : null;
        String validBody = valid == null ? (json ? "{}" : null) : valid.toString();

        // path parameters: each in turn broken, the others plausible
        for (String name : pathParams.keySet()) {
            for (String bad : List.of("not-a-uuid", "-1", "99999999999999999999999", "%00", "..%2F..", HUGE.substring(0, 2000), UUID.randomUUID().toString(), "%20")) {
                out.add(new Attempt(fill(template, pathParams, name, bad, schemas, random), validBody, json ? "application/json" : null));
            }
        }
        String plausiblePath = fill(template, pathParams, null, null, schemas, random);
        // query parameters
        for (Map.Entry<String, JsonNode> q : queryParams.entrySet()) {
            for (String bad : List.of("", "x", "-1", "2026-13-45", "99999999999999999999", "%00", HUGE.substring(0, 2000))) {
                out.add(new Attempt(plausiblePath + "?" + q.getKey() + "=" + URLEncoder.encode(bad, StandardCharsets.UTF_8), validBody, json ? "application/json" : null));
            }
        }
        if (json) {
            for (String raw : List.of("", "{", "[]", "null", "\"text\"", "42", "{\"unknownField\":1}", "{}", "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")) {
                out.add(new Attempt(plausiblePath, raw, "application/json"));
            }
            out.add(new Attempt(plausiblePath, validBody, "text/plain"));
            if (valid != null) {
                for (Iterator<String> names = valid.fieldNames(); names.hasNext(); ) {
                    String field = names.next();
                    JsonNode propSchema = resolve(bodySchema.path("properties").path(field), schemas);
                    for (JsonNode bad : badValues(propSchema)) {
                        ObjectNode body = valid.deepCopy();
                        if (bad == null) body.remove(field);
                        else body.set(field, bad);
                        out.add(new Attempt(plausiblePath, body.toString(), "application/json"));
                    }
                }
            }
        }
        if (!json && pathParams.isEmpty() && queryParams.isEmpty()) out.add(new Attempt(plausiblePath, null, null));
        return out;
    }

    private List<JsonNode> badValues(JsonNode schema) {
        List<JsonNode> bad = new ArrayList<>();
        bad.add(null); // missing
        bad.add(NODES.nullNode());
        bad.add(NODES.objectNode().put("nested", true));
        bad.add(NODES.arrayNode().add(1));
        String type = schema.path("type").asText();
        switch (type) {
            case "integer", "number" -> {
                bad.add(NODES.textNode("seven"));
                bad.add(NODES.numberNode(-1));
                bad.add(NODES.numberNode(0));
                bad.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
                bad.add(NODES.numberNode(Long.MAX_VALUE));
                bad.add(NODES.numberNode(1.5));
            }
            case "boolean" -> bad.add(NODES.textNode("maybe"));
            case "array" -> {
                bad.add(NODES.textNode("not-a-list"));
                bad.add(NODES.arrayNode().add(NODES.nullNode()));
                bad.add(NODES.arrayNode().add(NODES.objectNode()));
            }
            default -> {
                bad.add(NODES.numberNode(42));
                bad.add(NODES.textNode(""));
                bad.add(NODES.textNode("   "));
                bad.add(NODES.textNode(HUGE));
                bad.add(NODES.textNode("\u0000\u202e<script>'\";--"));
                bad.add(NODES.textNode("2026-02-30"));
                bad.add(NODES.textNode("not-a-uuid"));
            }
        }
        return bad;
    }

    /** A body that looks right: every property with a plausible value, so each mutation tests one field. */
    private ObjectNode sample(JsonNode schema, JsonNode schemas, Random random) {
        ObjectNode o = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            o.set(p.getKey(), plausible(resolve(p.getValue(), schemas), schemas, random, 0));
        }
        return o;
    }

    private JsonNode plausible(JsonNode s, JsonNode schemas, Random random, int depth) {
        if (s.path("enum").isArray() && !s.path("enum").isEmpty()) return s.path("enum").get(random.nextInt(s.path("enum").size()));
        String format = s.path("format").asText();
        return switch (s.path("type").asText()) {
            case "integer" -> NODES.numberNode(1 + random.nextInt(5));
            case "number" -> NODES.numberNode(1000 + random.nextInt(1000));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            case "array" -> depth > 2 ? NODES.arrayNode() : NODES.arrayNode().add(plausible(resolve(s.path("items"), schemas), schemas, random, depth + 1));
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                if (depth <= 2) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        o.set(p.getKey(), plausible(resolve(p.getValue(), schemas), schemas, random, depth + 1));
                    }
                }
                yield o;
            }
            default -> switch (format) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date" -> NODES.textNode("2026-11-26");
                case "date-time" -> NODES.textNode("2026-11-26T03:00:00Z");
                default -> NODES.textNode("SDA");
            };
        };
    }

    private String fill(String template, Map<String, JsonNode> params, String broken, String badValue, JsonNode schemas, Random random) {
        String path = template;
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            String value = p.getKey().equals(broken) ? badValue : plausible(p.getValue(), schemas, random, 0).asText();
            path = path.replace("{" + p.getKey() + "}", value);
        }
        return path;
    }

    private static JsonNode resolve(JsonNode node, JsonNode schemas) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            node = ref.startsWith("#/components/schemas/") ? schemas.path(name) : node.path("__unresolved");
        }
        if (node.path("allOf").isArray() && node.path("allOf").size() == 1) return resolve(node.path("allOf").get(0), schemas);
        return node;
    }

    private HttpResponse<String> send(String method, Attempt a, String correlationId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(a.path)).timeout(Duration.ofSeconds(30))
                .header("X-Correlation-Id", correlationId)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", authorization != null ? authorization : "Bearer " + TestTokens.staff());
        if (a.contentType != null) b.header("Content-Type", a.contentType);
        b.method(method, a.body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(a.body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + a.path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) throw new IllegalStateException(path + " answered " + r.statusCode());
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
    }
}
