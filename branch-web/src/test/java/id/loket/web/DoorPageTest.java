package id.loket.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DoorPageTest {

    @Test
    @TestSecurity(user = "so-sda", roles = "SECURITY_OFFICER")
    void the_door_page_is_in_indonesian_first_and_english_one_click_away() {
        given().get("/pintu").then().statusCode(200)
                .body(containsString("Pemeriksaan di pintu"), containsString("Bayar tunggakan"),
                        containsString("href=\"/pintu?lang=en\""), containsString("queue-service tidak menjawab"),
                        containsString("/webjars/htmx.org/dist/htmx.min.js"));
        given().get("/pintu?lang=en").then().statusCode(200)
                .cookie("lang", "en")
                .body(containsString("Door screening"), containsString("Pay arrears"), not(containsString("Bayar tunggakan")));
        given().cookie("lang", "en").get("/pintu").then().statusCode(200).body(containsString("Door screening"));
    }

    @Test
    @TestSecurity(user = "frontliner-sda-1", roles = "FRONTLINER")
    void a_frontliner_gets_the_403_page_at_the_door() {
        given().get("/pintu").then().statusCode(403).body(containsString("Akses ditolak"), not(containsString("Bayar tunggakan")));
    }

    @Test
    void htmx_and_its_sse_extension_are_served_from_the_webjars() {
        given().get("/webjars/htmx.org/dist/htmx.min.js").then().statusCode(200).body(containsString("htmx"));
        given().get("/webjars/htmx-ext-sse/sse.js").then().statusCode(200).body(containsString("sse"));
    }
}
