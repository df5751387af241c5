package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import id.loket.system.LoketSystem.Service;
import id.loket.system.ServiceProcess;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security officer at the door on the tablet (the whole screening of a suspended visitor is {@link VisitPageTest}):
 * with membership-service stopped, the door still screens from queue-service's own copy of membership status and
 * says so, in a banner naming membership-service and what still works; the door in English one click away; a
 * frontliner at the door gets the 403 page. Leaves docs/pages/door-membership-down.png; no serious or critical axe
 * violation.
 */
class DoorScreeningPageTest {

    static final String PBI_NIK = "3515080707070005"; // Joko Susilo, PBI-APBN, ACTIVE (membership DemoData)

    @Test
    void withMembershipServiceDownTheDoorScreensFromItsOwnCopyAndSaysSo() {
        BranchFloor floor = BranchFloor.get();
        String check = "{\"branch\":\"SDA\",\"nik\":\"" + PBI_NIK + "\",\"purpose\":\"STATUS_CHECK\",\"priority\":\"NONE\"}";
        // queue-service's copy has the participant once membership's events reached it over Kafka
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                "LOCAL_COPY".equals(floor.post(Service.QUEUE, "/screenings/check", "so-sda", check).expect(200).body()
                        .path("membership").path("source").asText()));
        ServiceProcess membership = floor.system().process(Service.MEMBERSHIP);
        membership.stop();
        try (Browser tablet = Browser.open(Device.TABLET)) {
            SignIn.as(tablet, floor, "so-sda", "/pintu");
            String banner = "#banners [data-service=membership-service]";
            tablet.waitUntil(d -> tablet.findAll(banner).isEmpty() ? null : Boolean.TRUE); // the health probe, every 5 s
            assertThat(SignIn.liveText(tablet, banner)).contains("membership-service").contains("pintu tetap memeriksa")
                    .contains("salinan status di queue-service");

            tablet.type("#number", PBI_NIK);
            tablet.click("label[for=purpose-STATUS_CHECK]");
            tablet.waitUntil(d -> tablet.findAll("#checked #status").isEmpty() ? null : Boolean.TRUE);
            assertThat(tablet.text("#status")).isEqualTo("AKTIF");
            assertThat(tablet.find("#source").getAttribute("data-source")).isEqualTo("LOCAL_COPY");
            assertThat(tablet.text("#source")).isEqualTo("dari salinan status di queue-service");
            tablet.screenshot("door-membership-down");
            tablet.assertAccessible();
        } finally {
            membership.restart(Duration.ofSeconds(Long.getLong("loket.system.ready-timeout", 180)));
        }
    }

    @Test
    void theDoorIsInEnglishOneClickAway() {
        BranchFloor floor = BranchFloor.get();
        try (Browser tablet = Browser.open(Device.TABLET)) {
            SignIn.as(tablet, floor, "so-sda", "/pintu");
            tablet.click("#switch-lang");
            tablet.waitForText("h1", "Door screening");
            assertThat(tablet.script("return document.documentElement.lang")).isEqualTo("en");
        }
    }

    @Test
    void aFrontlinerAtTheDoorGetsThe403PageNotData() {
        BranchFloor floor = BranchFloor.get();
        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, "frontliner-sda-1", "/pintu");
            desktop.waitForText("#forbidden", "403");
            assertThat(desktop.findAll("#screen")).isEmpty();
            desktop.assertAccessible();
        }
    }
}
