package id.loket.system;

import id.loket.platform.test.TestTokens;
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

/**
 * A JSON client that sends every request with one {@code X-Correlation-Id}, as a front-end following one
 * visit does, and checks that each service echoes it.
 */
final class Http {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    record Reply(String method, URI uri, int status, JsonNode body, HttpResponse<String> raw) {

        /** The body, when the status is the expected one; otherwise an AssertionError showing what came back. */
        JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError(method + " " + uri + ": expected " + expected + ", got " + status + " " + raw.body());
            }
            return body;
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final String correlationId;
    private final String authorization;
    private final String purpose;

    /** Signed in as the test JVM's national all-staff user ({@link TestTokens#staff()}). */
    Http(String correlationId) {
        this(correlationId, "Bearer " + TestTokens.staff(), null);
    }

    private Http(String correlationId, String authorization, String purpose) {
        this.correlationId = correlationId;
        this.authorization = authorization;
        this.purpose = purpose;
    }

    /** The same visit (correlation id), acting as another user: an {@code Authorization} header value, or null. */
    Http as(String authorization) {
        return new Http(correlationId, authorization, purpose);
    }

    /** With the stated purpose membership-service audits a read of participant data by ({@code X-Purpose}). */
    Http purpose(String purpose) {
        return new Http(correlationId, authorization, purpose);
    }

    String correlationId() {
        return correlationId;
    }

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A POST without a body (call-next, start). */
    Reply post(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Reply post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Reply put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private Reply send(HttpRequest.Builder builder) {
        if (authorization != null) builder.header("Authorization", authorization);
        if (purpose != null) builder.header("X-Purpose", purpose);
        HttpRequest request = builder.header(CORRELATION_HEADER, correlationId)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        String echoed = response.headers().firstValue(CORRELATION_HEADER).orElse(null);
        if (!correlationId.equals(echoed)) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + CORRELATION_HEADER + " "
                    + echoed + ", expected " + correlationId);
        }
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " with a body that is not JSON: " + response.body(), e);
        }
        return new Reply(request.method(), request.uri(), response.statusCode(), body, response);
    }

    private static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
