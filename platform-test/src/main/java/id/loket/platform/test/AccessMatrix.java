package id.loket.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role matrix of a service, checked against every operation of its OpenAPI document: each operation must
 * be in the matrix (a route nobody declared is a finding, so a new route cannot ship open by accident); with no
 * token it answers 401 unless declared {@link #PUBLIC}; with a token of each role the matrix does not give it,
 * 403; with a token of each role it does give, neither 401 nor a role 403. Branch-scoped operations declared
 * with a sample request on the service's own branch also answer 403 to the same role from another branch.
 * Every 401 and 403 must be problem+json. {@link #check()} returns the findings; a test asserts it is empty.
 *
 * <pre>{@code
 * List<String> findings = AccessMatrix.against(uri, "SDA", "SBY")
 *         .route("POST /tickets", "SECURITY_OFFICER", "KIOSK", "FRONTLINER", "SUPERVISOR")
 *         .route("GET /surveys/{token}", AccessMatrix.PUBLIC)
 *         .branchScoped("POST /tickets", "/tickets", "{\"branch\":\"SDA\",\"serviceType\":\"A\",...}")
 *         .check();
 * }</pre>
 */
public final class AccessMatrix {

    /** Declares a route open to anyone (no token needed). */
    public static final String PUBLIC = "public";
    /** Every role a token can carry. */
    public static final List<String> ROLES = List.of("SECURITY_OFFICER", "FRONTLINER", "SUPERVISOR", "ANALYST", "ADMIN", "KIOSK");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOME_ID = "00000000-0000-4000-8000-000000000001";

    private final URI base;
    private final String ownBranch;
    private final String otherBranch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Set<String>> routes = new LinkedHashMap<>();
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    private record Sample(String path, String body) {
    }

    private AccessMatrix(URI base, String ownBranch, String otherBranch) {
        this.base = base;
        this.ownBranch = ownBranch;
        this.otherBranch = otherBranch;
    }

    /**
     * @param ownBranch   the branch of the tokens the probe signs (the branch the samples belong to)
     * @param otherBranch a branch the samples do not belong to
     */
    public static AccessMatrix against(URI base, String ownBranch, String otherBranch) {
        return new AccessMatrix(base, ownBranch, otherBranch);
    }

    /** A route ({@code "METHOD /path/{param}"} as the OpenAPI document writes it) and the roles it opens to. */
    public AccessMatrix route(String route, String... roles) {
        routes.put(normal(route), new LinkedHashSet<>(List.of(roles)));
        return this;
    }

    /**
     * A request of a branch-scoped route on data of {@code ownBranch}: the same role from {@code otherBranch} must
     * get 403, and from {@code ownBranch} must not.
     *
     * @param path the concrete path (ids of existing data of the own branch)
     * @param body the JSON body, or null
     */
    public AccessMatrix branchScoped(String route, String path, String body) {
        samples.computeIfAbsent(normal(route), k -> new ArrayList<>()).add(new Sample(path, body));
        return this;
    }

    public List<String> check() {
        List<String> findings = new ArrayList<>();
        JsonNode doc;
        try {
            doc = JSON.readTree(send("GET", "/q/openapi?format=json", null, null).body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (p.getKey().startsWith("/q/")) continue;
            for (Iterator<String> methods = p.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) continue;
                String route = method + " " + p.getKey();
                seen.add(route);
                Set<String> allowed = routes.get(route);
                if (allowed == null) {
                    findings.add(route + ": not in the role matrix");
                    continue;
                }
                JsonNode op = p.getValue().path(method.toLowerCase());
                String path = p.getKey().replaceAll("\\{[^}]+}", SOME_ID);
                String body = op.has("requestBody") ? "{}" : null;
                expect(findings, route, "no token", send(method, path, body, null), allowed.contains(PUBLIC) ? Expect.PASS : Expect.UNAUTHORIZED);
                if (allowed.contains(PUBLIC)) continue;
                for (String role : ROLES) {
                    String token = TestTokens.bearer("probe-" + role.toLowerCase(), ownBranch, role);
                    expect(findings, route, "role " + role, send(method, path, body, token),
                            allowed.contains(role) ? Expect.PASS_ROLE : Expect.FORBIDDEN);
                }
                for (Sample s : samples.getOrDefault(route, List.of())) {
                    String role = allowed.iterator().next();
                    expect(findings, route, "role " + role + " of branch " + otherBranch + " on " + s.path,
                            send(method, s.path, s.body, TestTokens.bearer("probe-other", otherBranch, role)), Expect.FORBIDDEN);
                    expect(findings, route, "role " + role + " of branch " + ownBranch + " on " + s.path,
                            send(method, s.path, s.body, TestTokens.bearer("probe-own", ownBranch, role)), Expect.PASS);
                }
            }
        }
        for (String declared : routes.keySet()) {
            if (!seen.contains(declared)) findings.add(declared + ": in the matrix but not in the OpenAPI document");
        }
        for (String sampled : samples.keySet()) {
            if (!routes.containsKey(sampled)) findings.add(sampled + ": a branch sample of a route not in the matrix");
        }
        return findings;
    }

    /** PASS_ROLE: the role is let through (a made-up id may still be on another branch); PASS: the caller is. */
    private enum Expect { UNAUTHORIZED, FORBIDDEN, PASS_ROLE, PASS }

    /** An answer: an event stream's body is not read (it never ends), only its status and type. */
    private record Reply(int statusCode, String contentType, String body) {
    }

    private static void expect(List<String> findings, String route, String as, Reply r, Expect expect) {
        if (r == null) { // no answer in time: a stream that opened, so the caller was let through
            if (expect == Expect.UNAUTHORIZED || expect == Expect.FORBIDDEN) findings.add(route + " as " + as + ": no answer, expected a refusal");
            return;
        }
        int status = r.statusCode();
        boolean problem = r.contentType().startsWith("application/problem+json");
        switch (expect) {
            case UNAUTHORIZED -> {
                if (status != 401) findings.add(route + " as " + as + ": " + status + ", expected 401");
                else if (!problem) findings.add(route + " as " + as + ": 401 without problem+json");
            }
            case FORBIDDEN -> {
                if (status != 403) findings.add(route + " as " + as + ": " + status + ", expected 403");
                else if (!problem) findings.add(route + " as " + as + ": 403 without problem+json");
            }
            case PASS_ROLE -> {
                if (status == 401 || (status == 403 && !r.body().contains("forbidden-branch"))) {
                    findings.add(route + " as " + as + ": " + status + ", expected the role to pass: " + r.body());
                }
            }
            case PASS -> {
                // past the security check: whatever the (made-up) request deserves, but not a refusal of the caller
                if (status == 401 || status == 403) findings.add(route + " as " + as + ": " + status + ", expected to pass: " + r.body());
            }
        }
    }

    private Reply send(String method, String path, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                // any type the route makes (an event stream too), so a 406 never hides the security check
                .header("Accept", "application/json, application/problem+json, */*;q=0.5");
        if (authorization != null) b.header("Authorization", authorization);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<java.io.InputStream> r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream in = r.body()) {
                String text = type.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return new Reply(r.statusCode(), type, text);
            }
        } catch (java.net.http.HttpTimeoutException e) {
            return null; // an event stream (the live board) that was let through answers only with events
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String normal(String route) {
        String[] parts = route.trim().split("\\s+", 2);
        return parts[0].toUpperCase() + " " + parts[1];
    }
}
