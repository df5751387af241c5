package id.loket.membership.civilregistry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import id.loket.membership.config.MembershipConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP adapter: {@code POST <url>/persons/lookup {"nik": ...}} (the NIK in the body, never in the URL).
 * A timeout bounds every call, so a registry that hangs is a 503, not a stuck counter.
 */
@ApplicationScoped
public class HttpCivilRegistry implements CivilRegistry {

    private final URI base;
    private final Duration timeout;
    private final ObjectMapper json;
    private final HttpClient client;

    HttpCivilRegistry(MembershipConfig config, ObjectMapper json) {
        String url = config.civilRegistry().url();
        Duration timeout = config.civilRegistry().timeout();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public Optional<Person> lookup(String nik) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("persons/lookup")).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("nik", nik)))).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) return Optional.empty();
            if (response.statusCode() != 200) {
                throw new CivilRegistryUnavailable("the civil registry answered " + response.statusCode(), null);
            }
            JsonNode body = json.readTree(response.body());
            return Optional.of(new Person(body.path("nik").asText(), body.path("name").asText(),
                    LocalDate.parse(body.path("birthDate").asText())));
        } catch (IOException e) {
            throw new CivilRegistryUnavailable("the civil registry did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CivilRegistryUnavailable("interrupted", e);
        } catch (RuntimeException e) {
            if (e instanceof CivilRegistryUnavailable u) throw u;
            throw new CivilRegistryUnavailable("unreadable answer from the civil registry", e);
        }
    }
}
