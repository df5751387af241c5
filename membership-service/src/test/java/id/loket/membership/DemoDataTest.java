package id.loket.membership;

import id.loket.membership.demo.service.DemoData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;
    @Inject
    AgroalDataSource ds;

    static JsonPath byNik(String nik) {
        return given().contentType(ContentType.JSON).body("{\"nik\":\"" + nik + "\"}")
                .post("/participants/search").then().statusCode(200).extract().jsonPath();
    }

    /** Demo participants carry card numbers 0003000000001 on (see DemoData.ndjson). */
    Map<String, Long> statuses() {
        return Db.rows(ds, "SELECT status, count(*) FROM participant_view WHERE card_number LIKE '0003%' GROUP BY status").stream()
                .collect(Collectors.toMap(r -> r.get(0).toString(), r -> Long.parseLong(r.get(1).toString())));
    }

    @Test
    void loadsSidoarjoParticipantsInEveryStatusOnceAndTheDocumentedOnesAsDocumented() {
        assertThat(demo.load()).as("first load").isTrue();

        Map<String, Long> statuses = statuses();
        assertThat(statuses.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(305);
        assertThat(statuses.get("ACTIVE")).isGreaterThan(200);
        assertThat(statuses.get("SUSPENDED")).isGreaterThanOrEqualTo(40);
        assertThat(statuses.get("INACTIVE")).isGreaterThanOrEqualTo(5);

        JsonPath active = byNik(DemoData.ACTIVE_NIK);
        assertThat(active.getString("status")).isEqualTo("ACTIVE");
        assertThat(active.getString("name")).isEqualTo("Budi Santoso");
        JsonPath spouse = byNik(DemoData.TO_BE_DECEASED_NIK);
        assertThat(spouse.getString("status")).isEqualTo("ACTIVE");
        assertThat(spouse.getString("familyId")).isEqualTo(active.getString("familyId"));
        JsonPath arrears = byNik(DemoData.ARREARS_NIK);
        assertThat(arrears.getString("status")).isEqualTo("SUSPENDED");
        JsonPath owed = given().get("/participants/" + arrears.getString("id") + "/arrears").then().statusCode(200).extract().jsonPath();
        assertThat(owed.getList("months")).hasSize(3);
        assertThat(owed.getLong("arrearsTotal")).isEqualTo(3 * 35_000);
        assertThat(byNik(DemoData.DECEASED_NIK).getString("status")).isEqualTo("INACTIVE");
        assertThat(byNik(DemoData.PBI_NIK).getString("status")).isEqualTo("ACTIVE");

        long events = Db.count(ds, "SELECT count(*) FROM event_store");
        assertThat(demo.load()).as("second load: already complete").isFalse();
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store")).isEqualTo(events);
        assertThat(statuses()).isEqualTo(statuses);
    }
}
