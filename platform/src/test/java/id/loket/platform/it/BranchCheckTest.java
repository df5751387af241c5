package id.loket.platform.it;

import id.loket.platform.branchcheck.BranchCheckResource;
import id.loket.platform.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The branch check written once ({@code @BranchScoped} + {@code @Branch}): from a path, a body, a looked-up record. */
@QuarkusTest
class BranchCheckTest {

    private static final String SDA = TestTokens.bearer("frontliner-sda-1", "SDA", "FRONTLINER");

    @Test
    void aPathParameterNamesTheBranch() {
        given().header("Authorization", SDA).get("/branch-checks/branches/SDA").then().statusCode(200).body(equalTo("SDA"));
        given().header("Authorization", SDA).get("/branch-checks/branches/SBY")
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("SBY"));
    }

    @Test
    void aBodyNamesTheBranchAndARefusedOneIsNeverTaken() {
        given().header("Authorization", SDA).contentType(ContentType.JSON).body("{\"branch\":\"SDA\",\"text\":\"ok\"}")
                .post("/branch-checks/notes").then().statusCode(200).body(equalTo("ok"));
        int taken = BranchCheckResource.NOTES_TAKEN.get();
        given().header("Authorization", SDA).contentType(ContentType.JSON).body("{\"branch\":\"SBY\",\"text\":\"no\"}")
                .post("/branch-checks/notes").then().statusCode(403).contentType("application/problem+json");
        assertThat(BranchCheckResource.NOTES_TAKEN.get()).as("the method body never ran").isEqualTo(taken);
    }

    @Test
    void aMissingBranchIsTheValidationsAnswerNotTheChecks() {
        given().header("Authorization", SDA).contentType(ContentType.JSON).body("{\"text\":\"no branch\"}")
                .post("/branch-checks/notes").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("branch"));
    }

    @Test
    void badInputIsA400NamingTheFieldEvenForAnotherBranch() {
        given().header("Authorization", SDA).contentType(ContentType.JSON).body("{\"branch\":\"\",\"text\":\"blank\"}")
                .post("/branch-checks/notes").then().statusCode(400).body("errors[0].field", equalTo("branch"));
        given().header("Authorization", SDA).contentType(ContentType.JSON).body("{\"branch\":\"SBY\",\"text\":\"\"}")
                .post("/branch-checks/notes").then().statusCode(400).body("errors[0].field", equalTo("text"));
    }

    @Test
    void aLookedUpRecordNamesTheBranchAndAnUnknownOneIs404() {
        given().header("Authorization", SDA).get("/branch-checks/desks/SDA-1").then().statusCode(200);
        given().header("Authorization", SDA).get("/branch-checks/desks/SBY-1").then().statusCode(403);
        given().header("Authorization", SDA).get("/branch-checks/desks/XYZ-9").then().statusCode(404);
    }

    @Test
    void aNationalAnalystActsOnEveryBranch() {
        given().header("Authorization", TestTokens.bearer("ana", null, "ANALYST", "SUPERVISOR"))
                .get("/branch-checks/branches/SBY").then().statusCode(200);
    }
}
