package id.loket.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class CivilRegistrySyncTest {

    @Test
    void syncCorrectsWhatDiffersAndSaysSo() {
        String nik = Niks.female1990();
        String id = given().contentType(ContentType.JSON).body(Api.body(nik, Api.newFamilyCard(), "PBPU", "III", null, null))
                .post("/participants").then().statusCode(201).extract().path("id");
        CivilRegistryTestResource.simulator.put(nik, "Dewi Lestari Wulandari", "1990-07-01");

        given().post("/participants/" + id + "/civil-registry-sync").then().statusCode(200)
                .body("foundInRegistry", equalTo(true)).body("changes", hasSize(1))
                .body("changes[0].field", equalTo("NAME")).body("changes[0].oldValue", equalTo("Dewi Lestari"))
                .body("changes[0].newValue", equalTo("Dewi Lestari Wulandari")).body("changes[0].source", equalTo("CIVIL_REGISTRY"));
        given().get("/participants/" + id).then().body("name", equalTo("Dewi Lestari Wulandari"));
        given().post("/participants/" + id + "/civil-registry-sync").then().statusCode(200).body("changes", hasSize(0));
        given().post("/participants/" + UUID.randomUUID() + "/civil-registry-sync").then().statusCode(404);
    }

    @Test
    void aSlowRegistryIsA503NotAHang() {
        String id = Api.register(Api.newFamilyCard(), "PBPU", "III", null, null).getString("id");
        CivilRegistryTestResource.simulator.delay(5_000);
        try {
            long started = System.nanoTime();
            given().post("/participants/" + id + "/civil-registry-sync").then().statusCode(503)
                    .contentType("application/problem+json");
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(4_000);
        } finally {
            CivilRegistryTestResource.simulator.delay(0);
        }
    }
}
