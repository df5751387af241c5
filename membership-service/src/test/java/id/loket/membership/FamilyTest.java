package id.loket.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class FamilyTest {

    @Test
    void aFamilyHasOneHeadAndMembersAddedToIt() {
        String kk = Api.newFamilyCard();
        String head = Api.register(kk, "PBPU", "II", null, ",\"relation\":\"HEAD\",\"facilityCode\":\"0123R001\"").getString("id");
        String spouse = given().contentType(ContentType.JSON)
                .body(Api.body(Niks.male1985().replaceFirst("(\\d{6})\\d{6}", "$1150385"), kk, "PBPU", "II", null, ",\"relation\":\"SPOUSE\"")
                        .replace("\"FEMALE\"", "\"MALE\"").replace("1990-07-01", "1985-03-15"))
                .post("/families/members").then().statusCode(201)
                .body("relation", equalTo("SPOUSE")).extract().path("id");

        String familyId = given().contentType(ContentType.JSON).body("{\"familyCardNumber\":\"" + kk + "\"}")
                .post("/families/search").then().statusCode(200)
                .body("members.id", containsInAnyOrder(head, spouse))
                .body("members.find { it.id == '" + head + "' }.relation", equalTo("HEAD"))
                .body("members.find { it.id == '" + head + "' }.facilityCode", equalTo("0123R001"))
                .extract().path("familyId");
        assertThat(familyId).matches("[0-9a-f]{64}").doesNotContain(kk);
        given().get("/families/" + familyId).then().statusCode(200).body("members", hasSize(2))
                .body("members[0].accountId", equalTo("family-" + familyId));

        // a second head for the same KK is refused; a member of an unknown family is a 404
        given().contentType(ContentType.JSON).body(Api.body(Niks.female1990(), kk, "PBPU", "II", null, ",\"relation\":\"HEAD\""))
                .post("/participants").then().statusCode(409).body("detail", containsString("head"));
        given().contentType(ContentType.JSON).body(Api.body(Niks.female1990(), Api.newFamilyCard(), "PBPU", "II", null, ",\"relation\":\"CHILD\""))
                .post("/families/members").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Api.body(Niks.female1990(), kk, "PBPU", "II", null, ",\"relation\":\"HEAD\""))
                .post("/families/members").then().statusCode(400).body("errors.field", hasItem("relation"));
        given().contentType(ContentType.JSON).body("{\"familyCardNumber\":\"12345\"}")
                .post("/families/search").then().statusCode(400).body("errors.field", hasItem("familyCardNumber"));
    }

    @Test
    void searchByCardNumberAndExactlyOneKey() {
        var p = Api.register(Api.newFamilyCard(), "BP", "I", null, null);
        given().contentType(ContentType.JSON).body("{\"cardNumber\":\"" + p.getString("cardNumber") + "\"}")
                .post("/participants/search").then().statusCode(200).body("id", equalTo(p.getString("id")));
        given().contentType(ContentType.JSON).body("{}").post("/participants/search").then().statusCode(400)
                .body("errors.field", hasItem("nik"));
        given().contentType(ContentType.JSON).body("{\"cardNumber\":\"12345\"}").post("/participants/search").then().statusCode(400)
                .body("errors.field", hasItem("cardNumber"));
        given().contentType(ContentType.JSON).body("{\"cardNumber\":\"9999999999999\"}").post("/participants/search").then().statusCode(404);
    }

    @Test
    void segmentFieldsAndRegistrationDate() {
        String kk = Api.newFamilyCard();
        var ppu = Api.register(kk, "PPU_BU", null, LocalDate.of(2020, 1, 15),
                ",\"relation\":\"HEAD\",\"employerId\":\"EMP-77\",\"monthlyWage\":8000000");
        assertThat(ppu.getString("registrationDate")).isEqualTo("2020-01-15"); // migrated data: in the past
        assertThat(ppu.getString("accountId")).isEqualTo("employer-EMP-77");
        assertThat(Api.register(Api.newFamilyCard(), "PBI_APBN", null, null, null).getString("accountId")).isEqualTo("government-PBI_APBN");

        expect400(Api.body(Niks.female1990(), kk, "PPU_BU", null, null, ",\"monthlyWage\":8000000"), "employerId");
        expect400(Api.body(Niks.female1990(), kk, "PPU_BU", null, null, ",\"employerId\":\"EMP-1\""), "monthlyWage");
        expect400(Api.body(Niks.female1990(), kk, "PPU_BU", null, null, ",\"employerId\":\"EMP-1\",\"monthlyWage\":-5"), "monthlyWage");
        expect400(Api.body(Niks.female1990(), kk, "PBPU", "III", null, ",\"monthlyWage\":5000000"), "monthlyWage");
        expect400(Api.body(Niks.female1990(), kk, "PBPU", "III", LocalDate.now().plusDays(3), null), "registrationDate");
        expect400(Api.body(Niks.female1990(), kk, "PBPU", "III", null, ",\"facilityCode\":\"x\""), "facilityCode");
        expect400(Api.body(Niks.female1990(), kk, "PBPU", "III", null, ",\"relation\":\"COUSIN\""), "relation");
    }

    @Test
    void aDuplicateNikNamesTheExistingParticipantEvenWhenRegistrationsRace() throws Exception {
        String nik = Niks.female1990();
        String kk = Api.newFamilyCard();
        String body = Api.body(nik, kk, "PBPU", "III", null, null);
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ValidatableResponse>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<ValidatableResponse> c = () -> given().contentType(ContentType.JSON).body(body).post("/participants").then();
                results.add(pool.submit(c));
            }
            List<String> created = new ArrayList<>();
            List<String> conflicts = new ArrayList<>();
            for (Future<ValidatableResponse> f : results) {
                var r = f.get().extract();
                if (r.statusCode() == 201) created.add(r.path("id"));
                else {
                    assertThat(r.statusCode()).isEqualTo(409);
                    conflicts.add(r.path("detail"));
                }
            }
            assertThat(created).hasSize(1);
            assertThat(conflicts).hasSize(n - 1).allSatisfy(d -> assertThat(d).contains("already registered").contains(created.getFirst()));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void expect400(String json, String field) {
        given().contentType(ContentType.JSON).body(json).post("/participants")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}
