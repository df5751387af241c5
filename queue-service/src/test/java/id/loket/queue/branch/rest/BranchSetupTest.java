package id.loket.queue.branch.rest;

import id.loket.queue.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class BranchSetupTest {

    @Test
    void branchWithServiceTypesAndCountersIsListed() {
        String branch = Fixtures.branch("Asia/Makassar");
        String counter = Fixtures.openCounter(branch, "A", "C");
        given().get("/branches/" + branch).then().statusCode(200)
                .body("zoneId", equalTo("Asia/Makassar"))
                .body("endOfDayPolicy", equalTo("CLOSE"))
                .body("serviceTypes.code", contains("A", "B", "C"))
                .body("counters", hasSize(1))
                .body("counters[0].id", equalTo(counter))
                .body("counters[0].serviceTypes", contains("A", "C"))
                .body("counters[0].open", equalTo(true));
        given().get("/branches").then().statusCode(200).body("code", hasItem(branch));
        given().contentType(ContentType.JSON).body("{\"name\":\"Loket besar\",\"serviceTypes\":[\"B\"]}")
                .put("/counters/" + counter).then().statusCode(200).body("serviceTypes", contains("B"));
        given().get("/branches/" + branch + "/counters").then().statusCode(200).body("[0].name", equalTo("Loket besar"));
    }

    @Test
    void eachServiceTypeHasAWaitTargetSetWhereItIsCreatedOrChangedAndShownWhereverItIsListed() {
        String branch = Fixtures.branch("Asia/Jakarta"); // A, B, C with the default target
        given().contentType(ContentType.JSON).body("{\"code\":\"D\",\"prefix\":\"D\",\"name\":\"type D\",\"waitTargetMinutes\":10}")
                .post("/branches/" + branch + "/service-types").then().statusCode(201).body("waitTargetMinutes", equalTo(10));
        given().contentType(ContentType.JSON).body("{\"name\":\"Pengaduan\",\"waitTargetMinutes\":30}")
                .put("/branches/" + branch + "/service-types/B").then().statusCode(200)
                .body("code", equalTo("B")).body("prefix", equalTo("B")).body("name", equalTo("Pengaduan"))
                .body("waitTargetMinutes", equalTo(30));
        given().get("/branches/" + branch + "/service-types").then().statusCode(200)
                .body("code", contains("A", "B", "C", "D")).body("waitTargetMinutes", contains(15, 30, 15, 10));
        given().get("/branches/" + branch).then().body("serviceTypes.waitTargetMinutes", contains(15, 30, 15, 10));
        given().get("/branches/" + branch + "/board").then().body("waiting.waitTargetMinutes", contains(15, 30, 15, 10));

        for (String bad : new String[]{"0", "481", "null"}) {
            given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"waitTargetMinutes\":" + bad + "}")
                    .put("/branches/" + branch + "/service-types/A").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("waitTargetMinutes"));
        }
        given().contentType(ContentType.JSON).body("{\"code\":\"E\",\"prefix\":\"E\",\"name\":\"e\",\"waitTargetMinutes\":-1}")
                .post("/branches/" + branch + "/service-types").then().statusCode(400).body("errors.field", hasItem("waitTargetMinutes"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"waitTargetMinutes\":5}")
                .put("/branches/" + branch + "/service-types/Z").then().statusCode(404);
        given().get("/branches/" + branch + "/service-types").then().body("waitTargetMinutes", contains(15, 30, 15, 10));
    }

    @Test
    void demoBranchSidoarjoIsLoaded() {
        given().get("/branches/SDA").then().statusCode(200)
                .body("zoneId", equalTo("Asia/Jakarta"))
                .body("serviceTypes.code", contains("A", "B", "C"))
                .body("counters", hasSize(5));
    }

    @Test
    void badSetupIsRejected() {
        String branch = Fixtures.branch("Asia/Jakarta");
        given().contentType(ContentType.JSON).body("{\"code\":\"ZZ\",\"name\":\"x\",\"zoneId\":\"Mars/Olympus\"}")
                .post("/branches").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("zoneId"));
        given().contentType(ContentType.JSON).body("{\"code\":\"A\",\"prefix\":\"Q\",\"name\":\"again\"}")
                .post("/branches/" + branch + "/service-types").then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"id\":\"" + branch + "-X\",\"name\":\"x\",\"serviceTypes\":[\"Z\"]}")
                .post("/branches/" + branch + "/counters").then().statusCode(400).body("errors.field", hasItem("serviceTypes"));
        given().get("/branches/NOPE").then().statusCode(404).contentType("application/problem+json");
        given().post("/counters/NOPE-1/call-next").then().statusCode(404);
        String counter = Fixtures.openCounter(branch, "A");
        given().contentType(ContentType.JSON).body("{\"staff\":\"someone else\"}")
                .post("/counters/" + counter + "/open").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("OPEN"));
        given().post("/counters/" + counter + "/close").then().statusCode(200).body("open", equalTo(false));
        given().post("/counters/" + counter + "/call-next").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("CLOSED"));
    }
}
