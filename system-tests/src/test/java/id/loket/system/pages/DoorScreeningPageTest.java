package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security officer at the door on the tablet: types the visitor's NIK, taps the purpose, sees the status with
 * its source and the suggestion, accepts it, and gets the ticket number; the NIK is not on the page afterwards (its
 * last four digits at most). Leaves docs/pages/door-screening.png; no serious or critical axe violation.
 */
class DoorScreeningPageTest {

    static final String NIK = "3515081203800003"; // the demo data's suspended participant (membership-service)

    @Test
    void theOfficerScreensAVisitorAndIssuesTheSuggestedTicket() {
        BranchFloor floor = BranchFloor.get();
        try (Browser tablet = Browser.open(Device.TABLET)) {
            SignIn.as(tablet, floor, "so-sda", "/");
            assertThat(tablet.url()).as("the officer lands at the door").contains("/pintu");
            assertThat(tablet.text("h1")).isEqualTo("Pemeriksaan di pintu");
            tablet.find("#door-status");
            tablet.assertAccessible();

            tablet.type("#number", NIK);
            tablet.waitForText("#number-hint", "NIK ✓");
            tablet.click("label[for=purpose-ARREARS_PAYMENT]");
            tablet.waitUntil(d -> tablet.findAll("#checked #status").isEmpty() ? null : Boolean.TRUE);
            assertThat(tablet.find("#status").getAttribute("class")).containsAnyOf("SUSPENDED", "ACTIVE", "UNKNOWN");
            assertThat(tablet.find("#source").getAttribute("data-source")).isNotBlank();
            assertThat(tablet.text("#accept")).contains("Terima saran");
            tablet.screenshot("door-screening");
            tablet.assertAccessible();

            tablet.click("#accept");
            tablet.waitUntil(d -> tablet.findAll("#decided").isEmpty() ? null : Boolean.TRUE);
            assertThat(tablet.text("#decided")).contains("Tiket antrean");
            assertThat(tablet.text("#ticket-number")).matches("[A-Z]+-?\\d+");
            String html = (String) tablet.script("return document.body.innerHTML");
            assertThat(html).as("the NIK is never shown again after submit").doesNotContain(NIK);
            assertThat(tablet.find("#number").getAttribute("value")).isEmpty();
            tablet.screenshot("door-screening-ticket");
            tablet.assertAccessible();
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
