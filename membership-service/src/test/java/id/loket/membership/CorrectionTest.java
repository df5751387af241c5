package id.loket.membership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class CorrectionTest {

    @Inject
    AgroalDataSource ds;

    static io.restassured.response.ValidatableResponse correct(String id, String field, String value) {
        return given().contentType(ContentType.JSON)
                .body("{\"field\":\"%s\",\"newValue\":\"%s\",\"source\":\"COUNTER\",\"evidence\":\"KTP and KK seen\"}".formatted(field, value))
                .post("/participants/" + id + "/corrections").then();
    }

    @Test
    void aCorrectionKeepsOldAndNewValuesButNoPersonalDataInTheEvent() {
        var p = Api.register(Api.newFamilyCard(), "PBPU", "III", null, ",\"facilityCode\":\"0123R001\"");
        String id = p.getString("id");
        correct(id, "NAME", "Dewi Lestari Putri").statusCode(200)
                .body("oldValue", equalTo("Dewi Lestari")).body("newValue", equalTo("Dewi Lestari Putri"));
        given().get("/participants/" + id).then().body("name", equalTo("Dewi Lestari Putri"));

        String newNik = Niks.female1990();
        correct(id, "NIK", newNik).statusCode(200).body("newValue", equalTo("************" + newNik.substring(12)));
        given().contentType(ContentType.JSON).body("{\"nik\":\"" + newNik + "\"}").post("/participants/search")
                .then().statusCode(200).body("id", equalTo(id)).body("nikLast4", equalTo(newNik.substring(12)));
        correct(id, "FACILITY_CODE", "0456R002").statusCode(200).body("oldValue", equalTo("0123R001"));

        String other = Api.register(Api.newFamilyCard(), "PBPU", "III", null, null).getString("id");
        correct(other, "NIK", newNik).statusCode(409);
        correct(id, "BIRTH_DATE", "1991-01-01").statusCode(400).body("errors.field", hasItem("newValue"));
        correct(id, "NIK", "123").statusCode(400).body("errors.field", hasItem("newValue"));
        correct(id, "SHOE_SIZE", "42").statusCode(400).body("errors.field", hasItem("field"));

        given().get("/participants/" + id + "/history").then().statusCode(200)
                .body("type", equalTo(List.of("ParticipantRegistered", "ParticipantDataCorrected", "ParticipantDataCorrected", "ParticipantDataCorrected")))
                .body("[3].summary", equalTo("Corrected FACILITY_CODE (source COUNTER): 0123R001 -> 0456R002"));
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE payload::text LIKE ? OR payload::text LIKE ?",
                "%" + newNik + "%", "%Putri%")).isZero();
        assertThat(Db.count(ds, "SELECT count(*) FROM data_correction WHERE participant_id = ?", java.util.UUID.fromString(id))).isEqualTo(3);
    }
}
