package id.loket.membership.civilregistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A small stand-in for the civil registry, for tests and the local stack
 * ({@code java -cp <classpath> id.loket.membership.civilregistry.CivilRegistrySimulator 8090}):
 * {@code POST /persons} {nik, name, birthDate} stores a record, {@code POST /persons/lookup} {nik} answers it
 * (404 when unknown), {@code POST /delay} {millis} makes every answer that slow (to try the timeout).
 */
public final class CivilRegistrySimulator implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, JsonNode> persons = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile long delayMillis;

    public CivilRegistrySimulator(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/persons/lookup", ex -> handle(ex, body -> {
            JsonNode p = persons.get(body.path("nik").asText());
            return p == null ? reply(ex, 404, "{}") : reply(ex, 200, p.toString());
        }));
        server.createContext("/persons", ex -> handle(ex, body -> {
            persons.put(body.path("nik").asText(), body);
            return reply(ex, 201, body.toString());
        }));
        server.createContext("/delay", ex -> handle(ex, body -> {
            delayMillis = body.path("millis").asLong();
            return reply(ex, 204, null);
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void put(String nik, String name, String birthDate) {
        persons.put(nik, json.createObjectNode().put("nik", nik).put("name", name).put("birthDate", birthDate));
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    private interface Handler {
        Void handle(JsonNode body) throws IOException;
    }

    private void handle(HttpExchange ex, Handler handler) throws IOException {
        try (ex) {
            if (delayMillis > 0 && !ex.getRequestURI().getPath().equals("/delay")) Thread.sleep(delayMillis);
            handler.handle(json.readTree(ex.getRequestBody().readAllBytes()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) ex.getResponseBody().write(bytes);
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        new CivilRegistrySimulator(port);
        System.out.println("civil registry simulator on 127.0.0.1:" + port);
    }
}
