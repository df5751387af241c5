package id.loket.feedback.ratelimit.rest;

import id.loket.platform.test.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public survey routes are limited per client address. Each test calls from an address of its own
 * (127.0.0.x: Linux answers the whole 127/8 on the loopback), so the other tests' calls from 127.0.0.1 do not
 * count, and the limit is the one the service runs with.
 */
@QuarkusTest
class SurveyRateLimitTest {

    /** Public routes, all counted together per address; the tokens are made up (404s, or the static page). */
    static final List<String[]> PUBLIC = List.of(
            new String[]{"GET", "/survey/not-a-real-token"},
            new String[]{"GET", "/surveys/not-a-real-token"},
            new String[]{"GET", "/surveys/not-a-real-token/qr.png"},
            new String[]{"POST", "/surveys/not-a-real-token"});

    @ConfigProperty(name = "loket.feedback.rate-limit.requests-per-minute")
    int limit;
    @TestHTTPResource("/")
    URI base;

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @Test
    void theRequestOverTheLimitFromOneAddressIsA429ProblemWithRetryAfter() throws Exception {
        String client = "127.0.0.2";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            String[] route = PUBLIC.get(i % PUBLIC.size());
            statuses.add(send(client, route[0], route[1], Map.of()).status());
        }
        assertThat(statuses).as("the page, or no such survey: each route was reached").containsOnly(200, 404);

        Answer over = send(client, "GET", "/surveys/not-a-real-token", Map.of());
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(over.body()).contains("\"status\":429").contains("too-many-requests");
        assertThat(Long.parseLong(over.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(send(client, "GET", "/survey/not-a-real-token", Map.of()).status()).as("the page counts too").isEqualTo(429);
        assertThat(send(client, "POST", "/surveys/not-a-real-token", Map.of()).status()).isEqualTo(429);

        // a forwarded-for header is not believed (no trusted proxy in front): it buys no fresh allowance
        assertThat(send(client, "GET", "/surveys/not-a-real-token", Map.of("X-Forwarded-For", "203.0.113.9")).status())
                .isEqualTo(429);
        // another address has its own allowance
        assertThat(send("127.0.0.3", "GET", "/surveys/not-a-real-token", Map.of()).status()).isEqualTo(404);
        // staff routes are not limited: they need a token
        assertThat(send(client, "GET", "/visits/no-such-visit/survey",
                Map.of("Authorization", "Bearer " + TestTokens.staff())).status()).isEqualTo(202);
    }

    /** One request on a connection of its own from {@code fromAddress}: HTTP/1.1 by hand, to pick the source. */
    Answer send(String fromAddress, String method, String path, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5_000);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: */*\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            String body = method.equals("POST") ? "{\"rating\":4}" : "";
            if (!body.isEmpty()) request.append("Content-Type: application/json\r\n");
            request.append("Content-Length: ").append(body.length()).append("\r\n\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headEnd).split("\r\n");
            Map<String, String> answerHeaders = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                answerHeaders.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), answerHeaders, response.substring(headEnd + 4));
        }
    }
}
