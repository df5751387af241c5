package id.loket.platform.it;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Small REST helpers over the test app's /tallies resource. */
final class Tallies {

    private Tallies() {
    }

    static UUID open(String name) {
        return UUID.fromString(given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .post("/tallies").then().statusCode(201).extract().path("id"));
    }

    static void increment(UUID id, long by) {
        given().contentType(ContentType.JSON).body("{\"by\":" + by + "}")
                .post("/tallies/" + id + "/increments").then().statusCode(200);
    }
}
