package id.loket.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP for fault tests: a failed exchange is an answer too (status 0: refused, reset or timed out), never an
 * exception, because a client under a fault test must count it and carry on. HTTP/1.1, as a front-end talks.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private Api() {
    }

    /** What came back, and how long it took; {@code status} 0 when nothing came back ({@code failure} says why). */
    record Answer(String method, String url, int status, String body, HttpResponse<String> raw, Duration took,
                  Exception failure) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean unreachable() {
            return status == 0;
        }

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(this + ": body is not JSON", e);
            }
        }

        String header(String name) {
            return raw == null ? null : raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        /** The JSON body when the status is {@code expected}, else an AssertionError showing the answer. */
        JsonNode expect(int expected) {
            if (status != expected) throw new AssertionError("expected " + expected + ": " + this);
            return json();
        }

        @Override
        public String toString() {
            String what = status == 0 ? "no answer (" + failure + ")" : status + " " + abbreviate(body);
            return method + " " + url + " -> " + what + " in " + took.toMillis() + " ms";
        }
    }

    static Answer get(String url, String... headers) {
        return send("GET", url, null, TIMEOUT, headers);
    }

    static Answer post(String url, Object body, String... headers) {
        return send("POST", url, body, TIMEOUT, headers);
    }

    /**
     * One request; {@code body} null sends none, a String is sent as it is, anything else as JSON.
     * {@code headers} are name, value pairs.
     */
    static Answer send(String method, String url, Object body, Duration timeout, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        boolean accept = false, authorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
            accept |= headers[i].equalsIgnoreCase("Accept");
            authorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (!accept) b.header("Accept", "application/json");
        // signed in as the test JVM's national all-staff user unless the call names its own user
        if (!authorization) b.header("Authorization", "Bearer " + id.loket.platform.test.TestTokens.staff());
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(method, url, r.statusCode(), r.body(), r, Duration.ofNanos(System.nanoTime() - started), null);
        } catch (IOException e) {
            return new Answer(method, url, 0, null, null, Duration.ofNanos(System.nanoTime() - started), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(method, url, 0, null, null, Duration.ofNanos(System.nanoTime() - started), e);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object from name, value pairs, in order. */
    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
