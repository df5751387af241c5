package id.loket.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The survey page in a real browser (platform-test's {@link Browser}: headless Chromium at a phone's size): a
 * participant opens /survey/{token}, clicks the fourth star, the fifth for speed, types a comment and "Kirim",
 * and the answer must then be stored. No serious or critical accessibility violation, before or after sending.
 * Leaves docs/pages/survey-phone.png (and the same picture at docs/feedback-survey-page.png) and
 * docs/pages/survey-phone-thanks.png.
 */
@QuarkusTest
class BrowserSurveyTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aParticipantRatesTheVisitOnThePhonePage() throws Exception {
        String visitId = UUID.randomUUID().toString();
        String token;
        Instant closedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
        try (QueueTopic queue = new QueueTopic(bootstrap)) {
            token = queue.closeVisitAndAwaitSurvey(visitId, "Cabang Sidoarjo", "3", "ADMINISTRASI", closedAt,
                    "Asia/Makassar");
        }
        // the page shows when the visit closed in the branch's zone (WITA here), not the phone's nor WIB
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH.mm");
        String witaTime = hhmm.format(closedAt.atZone(ZoneId.of("Asia/Makassar")));
        String wibTime = hhmm.format(closedAt.atZone(ZoneId.of("Asia/Jakarta")));

        try (Browser phone = Browser.open(Device.PHONE)) {
            phone.go("http://localhost:" + RestAssured.port + "/survey/" + token);
            phone.waitUntil(d -> !phone.text("#visit").isEmpty());
            assertThat(phone.text("#visit")).contains("Cabang Sidoarjo").contains("Loket 3")
                    .contains("Layanan ADMINISTRASI").contains(witaTime).doesNotContain(wibTime);
            assertThat(phone.script("return document.documentElement.lang")).isEqualTo("id");
            assertThat(phone.text("h1")).isEqualTo("Bagaimana pelayanan kami hari ini?");
            assertThat(phone.text("[data-t=send]")).isEqualTo("Kirim");
            assertThat(phone.findAll("#rating button")).hasSize(5);
            assertThat(phone.find("#submit").isEnabled()).as("nothing to send before a star is chosen").isFalse();
            phone.assertAccessible();

            phone.click("#rating button[data-value='4']");
            phone.click("#speed button[data-value='5']");
            phone.type("#comment", "Petugas ramah, antrean cepat");
            assertThat(phone.findAll("#rating button[aria-pressed=true]")).hasSize(4);
            assertThat(phone.findAll("#speed button[aria-pressed=true]")).hasSize(5);
            assertThat(phone.find("#submit").isEnabled()).isTrue();
            phone.assertAccessible();
            phone.script("window.scrollTo(0, 0)");
            Path shot = phone.screenshot("survey-phone");
            Files.copy(shot, Browser.repositoryRoot().resolve("docs/feedback-survey-page.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            phone.click("#submit");
            phone.waitUntil(d -> "thanks".equals(phone.script("return document.getElementById('message').dataset.t")));
            assertThat(phone.text("#message")).isEqualTo("Terima kasih atas penilaian Anda!");
            assertThat(phone.find("#form").isDisplayed()).isFalse();
            phone.assertAccessible();
            phone.screenshot("survey-phone-thanks");
            List<String> errors = phone.consoleErrors().stream().filter(e -> !e.contains("favicon.ico")).toList();
            assertThat(errors).as("errors the page logged").isEmpty();
        }
        // the answer the browser sent is stored
        given().get("/surveys/" + token).then().statusCode(200).body("answered", equalTo(true));
        JsonNode comments = new ObjectMapper().readTree(given().queryParam("branch", "Cabang Sidoarjo")
                .queryParam("from", Instant.now().minus(Duration.ofDays(1)).toString().substring(0, 10))
                .queryParam("to", Instant.now().plus(Duration.ofDays(1)).toString().substring(0, 10))
                .queryParam("size", 100)
                .get("/satisfaction/comments").then().statusCode(200).extract().asString());
        JsonNode mine = null;
        for (JsonNode item : comments.get("items")) if (visitId.equals(item.get("visitId").asText())) mine = item;
        assertThat(mine).isNotNull();
        assertThat(mine.get("rating").asInt()).isEqualTo(4);
        assertThat(mine.get("comment").asText()).isEqualTo("Petugas ramah, antrean cepat");
        assertThat(mine.get("counterId").asText()).isEqualTo("3");
        assertThat(mine.get("serviceType").asText()).isEqualTo("ADMINISTRASI");
    }
}
