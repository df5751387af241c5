package id.loket.system;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.TestTokens;
import id.loket.system.LoketSystem.Service;
import id.loket.system.pages.BranchFloor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four services signing people in against the real identity provider of the local stack: Keycloak (the
 * distribution deploy/loket runs, from Maven Central) with the realm file deploy/keycloak/loket-realm.json,
 * users and clients as a branch has them. Tokens come from Keycloak's token endpoint, and the services verify
 * them with the keys they discover from the realm; a token signed by anyone else is refused. It runs on the
 * page tests' {@link BranchFloor}, in their JVM: one Keycloak and one set of services for all of them.
 */
class KeycloakSignInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static BranchFloor floor;

    @BeforeAll
    static void start() {
        floor = BranchFloor.get();
    }

    @Test
    void aFrontlinerSignedInAtKeycloakIsLetInAndNoTokenIsNot() {
        String complaints = floor.url(Service.COMPLAINT);
        String frontliner = floor.token("frontliner-sda-1");
        assertThat(status(get(complaints + "/complaint-categories", frontliner))).isEqualTo(200);
        HttpResponse<String> none = get(complaints + "/complaint-categories", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theTokenCarriesTheRolesAndBranchTheServicesScopeBy() {
        JsonNode claims = Keycloak.claims(floor.token("supervisor-sda"));
        assertThat(claims.path("sub").asText()).isEqualTo("supervisor-sda");
        assertThat(claims.path("branch").asText()).isEqualTo("SDA");
        assertThat(claims.path("realm_access").path("roles").toString()).contains("SUPERVISOR");
        assertThat(Keycloak.claims(floor.token("admin")).has("branch")).as("the administrator is national").isFalse();
    }

    @Test
    void aRoleTheRouteDoesNotOpenIs403AndTheKioskIsNoPerson() {
        String complaints = floor.url(Service.COMPLAINT);
        assertThat(status(post(complaints + "/complaints", floor.token("analyst"), "{}"))).isEqualTo(403);
        assertThat(status(get(complaints + "/complaint-categories", floor.kioskToken()))).isEqualTo(403);
    }

    @Test
    void aTokenSignedByAnyoneButTheRealmIsRefused() {
        String membership = floor.url(Service.MEMBERSHIP);
        String forged = "Bearer " + TestTokens.token("supervisor-sda", "SDA", "SUPERVISOR");
        assertThat(status(post(membership + "/participants/search", forged, "{\"cardNumber\":\"0001234567890\"}")))
                .isEqualTo(401);
    }

    private static HttpResponse<String> get(String url, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    private static HttpResponse<String> post(String url, String authorization, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) b.header("Authorization", authorization);
        return send(b);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static int status(HttpResponse<String> r) {
        return r.statusCode();
    }
}
