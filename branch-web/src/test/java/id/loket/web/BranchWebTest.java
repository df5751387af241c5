package id.loket.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** What holds without any service: no database in the app, CSRF on every POST, each role's landing page, banners. */
@QuarkusTest
class BranchWebTest {

    @Test
    void branch_web_has_no_datasource_and_no_orm() {
        assertThatThrownBy(() -> Class.forName("io.agroal.api.AgroalDataSource")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.hibernate.Session")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("id.loket.platform.eventstore.EventStore")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    @TestSecurity(user = "so-sda", roles = "SECURITY_OFFICER")
    void a_post_without_the_csrf_token_is_refused_before_any_service_is_called() {
        given().contentType("application/x-www-form-urlencoded").formParam("number", "3515081203800003")
                .formParam("purpose", "ARREARS_PAYMENT").post("/pintu/periksa")
                .then().statusCode(400).body(not(containsString("queue-service")));
    }

    @Test
    @TestSecurity(user = "so-sda", roles = "SECURITY_OFFICER")
    void a_nik_that_cannot_be_is_named_beside_the_field_without_calling_queue_service() {
        // the page's own token: the CSRF cookie and the header from the rendered page
        var page = given().get("/pintu");
        String token = page.htmlPath().getString("**.find { it.name() == 'body' }.@hx-headers")
                .replaceAll(".*\"X-CSRF-TOKEN\": \"([^\"]*)\".*", "$1");
        given().cookie("csrf-token", page.cookie("csrf-token")).header("X-CSRF-TOKEN", token)
                .contentType("application/x-www-form-urlencoded").formParam("number", "3515084113800000")
                .formParam("purpose", "STATUS_CHECK").post("/pintu/periksa")
                .then().statusCode(400).body(containsString("serial number 0000 is not issued"), containsString("aria-invalid"));
    }

    @Test
    @TestSecurity(user = "so-sda", roles = "SECURITY_OFFICER")
    void each_role_lands_on_its_page() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/pintu"));
    }

    @Test
    @TestSecurity(user = "supervisor-sda", roles = {"SUPERVISOR", "FRONTLINER"})
    void the_supervisor_lands_on_the_floor() {
        given().redirects().follow(false).get("/").then().statusCode(303).header("Location", containsString("/supervisor"));
    }

    @Test
    @TestSecurity(user = "frontliner-sda-1", roles = "FRONTLINER")
    void a_service_that_does_not_answer_is_named_and_the_page_says_what_still_works() {
        given().get("/pintu").then().statusCode(403);
        given().get("/loket/SDA-1").then().statusCode(503).body(containsString("queue-service"));
        given().get("/banners").then().statusCode(200).body(containsString("queue-service tidak menjawab"));
    }
}
