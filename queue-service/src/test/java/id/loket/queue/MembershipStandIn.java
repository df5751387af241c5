package id.loket.queue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for membership-service at the one place queue-service calls it (screening's fallback search), so a
 * test can see what queue-service sends: which Authorization header came with each search ({@code GET /seen}
 * answers them, one a line). It knows one participant, card {@link #KNOWN_CARD} (ACTIVE); every other search
 * answers 503, as membership-service down would, which is what the other screening tests expect.
 */
public class MembershipStandIn implements QuarkusTestResourceLifecycleManager {

    /** The card number of the one participant the stand-in knows. */
    public static final String KNOWN_CARD = "0001000000042";
    /** A suspended participant: three months, Rp 105,000 in arrears ({@code GET /participants/p-43/arrears}). */
    public static final String SUSPENDED_CARD = "0001000000043";

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/participants/search", this::search);
        server.createContext("/participants/p-43/arrears", ex -> {
            if (!"screening".equals(ex.getRequestHeaders().getFirst("X-Purpose"))) {
                answer(ex, 400, "application/problem+json", "{\"status\":400,\"errors\":[{\"field\":\"X-Purpose\"}]}");
                return;
            }
            answer(ex, 200, "application/json", """
                    {"participantId":"p-43","accountId":"family-x","status":"SUSPENDED","months":[{"month":"2026-08","amount":35000},
                     {"month":"2026-09","amount":35000},{"month":"2026-10","amount":35000}],"arrearsTotal":105000}""");
        });
        server.createContext("/seen", ex -> answer(ex, 200, "text/plain", String.join("\n", seen)));
        server.start();
        return Map.of("quarkus.rest-client.membership.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void search(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        seen.add(auth == null ? "<none>" : auth);
        if (!"screening".equals(ex.getRequestHeaders().getFirst("X-Purpose"))) {
            // membership-service refuses a read of participant data that states no purpose (its audit)
            answer(ex, 400, "application/problem+json", "{\"status\":400,\"errors\":[{\"field\":\"X-Purpose\"}]}");
        } else if (body.contains(SUSPENDED_CARD)) {
            answer(ex, 200, "application/json",
                    "{\"id\":\"p-43\",\"cardNumber\":\"" + SUSPENDED_CARD + "\",\"nikLast4\":\"0043\",\"status\":\"SUSPENDED\"}");
        } else if (body.contains(KNOWN_CARD)) {
            answer(ex, 200, "application/json",
                    "{\"id\":\"p-42\",\"cardNumber\":\"" + KNOWN_CARD + "\",\"nikLast4\":\"0042\",\"status\":\"ACTIVE\"}");
        } else {
            answer(ex, 503, "application/problem+json", "{\"status\":503}");
        }
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void stop() {
        if (server != null) server.stop(0);
    }
}
