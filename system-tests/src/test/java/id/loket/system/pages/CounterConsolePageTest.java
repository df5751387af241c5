package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import id.loket.system.LoketSystem.Service;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frontliner at the counter console (desktop 1366×768): opens the counter, calls the next visitor (a double click
 * calls one, and the waiting table fits its card at 1366×768), starts, closes with the channels taught and shows the
 * survey QR; offline, "call next" calls nobody and the banner says so; a frontliner of another branch gets the 403
 * page and none of the counter's data. Leaves docs/pages/counter-console*.png; no serious or critical axe violation.
 */
class CounterConsolePageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aDoubleClickCallsOneVisitorAndTheVisitClosesWithTheSurveyQr() throws Exception {
        BranchFloor floor = BranchFloor.get();
        String counter = "SDA-4"; // serves C (payments and arrears)
        floor.clearQueue(counter, "frontliner-sda-1");
        issue(floor, "C");
        issue(floor, "C");
        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, "frontliner-sda-1", "/loket/" + counter);
            if (!desktop.findAll("#actions #primary").isEmpty() && desktop.text("#primary").contains("Buka loket")) {
                desktop.click("#primary");
                desktop.waitForText("#primary", "Panggil berikutnya");
            }
            desktop.assertAccessible();
            // a double click: the button is disabled while in flight, and queue-service refuses a second call (409)
            desktop.script("var b = document.getElementById('primary'); b.click(); b.click();");
            desktop.waitForText("#primary", "Mulai layanan");
            String number = desktop.text("#ticket-number");
            assertThat(number).startsWith("C");
            assertThat(calledAt(floor, counter)).as("one ticket called at the counter").isEqualTo(1);
            assertThat(floor.get(Service.QUEUE, "/counters/" + counter + "/console", "frontliner-sda-1").expect(200).body()
                    .path("waiting").get(0).path("count").asInt()).as("the second visitor still waits").isEqualTo(1);
            // the waiting per service type fits its card at 1366×768 (it overflowed the narrow first column once)
            assertThat((Boolean) desktop.script("var t = document.getElementById('waiting-table'), c = document.getElementById('waiting');"
                    + " return t.getBoundingClientRect().right <= c.getBoundingClientRect().right && c.scrollWidth <= c.clientWidth"
                    + " && c.getBoundingClientRect().right <= document.documentElement.clientWidth"))
                    .as("the waiting table stays inside its card").isTrue();
            desktop.screenshot("counter-console");
            desktop.assertAccessible();

            desktop.press(Keys.F2); // start
            desktop.waitForText("#primary", "Selesai");
            desktop.click("label[for=taught-MOBILE_JKN]");
            desktop.click("#primary");
            desktop.waitUntil(d -> desktop.findAll("#survey-qr").isEmpty() ? null : Boolean.TRUE);
            // the image arrives after the element: wait for it to load, with the browser's deadline
            desktop.waitUntil(d -> Boolean.TRUE.equals(desktop.script(
                    "var i = document.getElementById('survey-qr'); return i.complete && i.naturalWidth > 0")) ? Boolean.TRUE : null);
            desktop.screenshot("counter-console-survey");
            desktop.assertAccessible();
        }
    }

    @Test
    void offlineTheConsoleShowsTheBannerAndCallsNobody() throws Exception {
        BranchFloor floor = BranchFloor.get();
        String counter = "SDA-3"; // serves B
        floor.clearQueue(counter, "frontliner-sda-2");
        issue(floor, "B");
        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, "frontliner-sda-2", "/loket/" + counter);
            if (desktop.text("#primary").contains("Buka loket")) {
                desktop.click("#primary");
                desktop.waitForText("#primary", "Panggil berikutnya");
            }
            desktop.offline();
            desktop.click("#primary");
            desktop.waitUntil(d -> desktop.find("#offline").isDisplayed() ? Boolean.TRUE : null);
            assertThat(desktop.text("#offline")).contains("Tidak ada jaringan");
            desktop.online();
            assertThat(calledAt(floor, counter)).as("nothing was called while offline").isZero();
            desktop.screenshot("counter-console-offline");
        }
    }

    @Test
    void aFrontlinerOfAnotherBranchGetsThe403PageNotData() {
        BranchFloor floor = BranchFloor.get();
        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, "frontliner-sby-1", "/loket/SDA-1"); // a Surabaya frontliner at a Sidoarjo counter
            desktop.waitForText("#forbidden", "403");
            assertThat(desktop.findAll("#current, #actions, #waiting, #participant-panel")).as("no console").isEmpty();
            assertThat((String) desktop.script("return document.body.innerText")).as("none of the counter's data")
                    .doesNotContain("Loket 1").doesNotContain("Layanan A");
            desktop.screenshot("counter-console-other-branch");
            desktop.assertAccessible();
        }
    }

    private static void issue(BranchFloor floor, String serviceType) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(floor.url(Service.QUEUE) + "/tickets"))
                .header("Authorization", floor.kioskToken()).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"branch\":\"SDA\",\"serviceType\":\"" + serviceType + "\",\"source\":\"KIOSK\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    /** How many tickets the board shows called or in service at the counter (0 or 1). */
    private static int calledAt(BranchFloor floor, String counter) throws Exception {
        var r = HTTP.send(HttpRequest.newBuilder(URI.create(floor.url(Service.QUEUE) + "/branches/SDA/board"))
                .header("Authorization", floor.token("supervisor-sda")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String body = r.body();
        int at = body.indexOf("\"counterId\":\"" + counter + "\"");
        if (at < 0) return 0;
        String entry = body.substring(at, body.indexOf('}', at));
        return entry.contains("\"ticketNumber\":null") || !entry.contains("\"ticketNumber\"") ? 0 : 1;
    }
}
