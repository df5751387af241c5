package id.loket.system.pages;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import id.loket.system.LoketSystem.Service;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's floor and the four eyes of a death report: a frontliner serving a visitor at SDA-1 reports the
 * participant deceased with the documents received; the request appears on the supervisor's page (live, over
 * Server-Sent Events) beside the counter serving that ticket and the wait per service type; the supervisor approves
 * it and the participant is INACTIVE, as the frontliner then sees. The supervisor's own request is there without an
 * approve button. Leaves docs/pages/counter-console-death-report.png and supervisor.png; no serious or critical axe
 * violation.
 */
class SupervisorPageTest {

    static final String DECEASED_NIK = "3515085208820002"; // Sri Wahyuni, ACTIVE, to be reported deceased (DemoData)
    static final String OWN_REQUEST_NIK = "3515081505750001"; // Budi Santoso: the supervisor's own request
    static final String COUNTER = "SDA-1";                   // serves A
    static final String FRONTLINER = "frontliner-sda-3";

    @Test
    void theSupervisorSeesTheFloorAndApprovesAFrontlinersDeathReport() {
        BranchFloor floor = BranchFloor.get();
        floor.clearQueue(COUNTER, FRONTLINER);
        String number = floor.issueTicket("A").path("number").asText();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        // a request of the supervisor's own, which another supervisor must decide
        String ownParticipant = floor.participant(OWN_REQUEST_NIK).path("id").asText();
        String ownRequest = floor.post(Service.MEMBERSHIP, "/participants/" + ownParticipant + "/deactivations", "supervisor-sda",
                "{\"reason\":\"DECEASED\",\"dateOfDeath\":\"" + today.minusDays(2) + "\",\"documents\":[{\"type\":\"DEATH_CERTIFICATE\","
                        + "\"number\":\"3515-KM-0099\"},{\"type\":\"FAMILY_CARD\",\"number\":\"3515080000000001\"},"
                        + "{\"type\":\"JKN_CARD\",\"number\":\"0003000000001\"}]}")
                .expect(202).body().path("requestId").asText();

        try (Browser frontliner = Browser.open(Device.DESKTOP); Browser supervisor = Browser.open(Device.DESKTOP)) {
            SignIn.as(frontliner, floor, FRONTLINER, "/loket/" + COUNTER);
            frontliner.waitForText("#primary", "Panggil berikutnya");
            frontliner.press(Keys.F2);
            frontliner.waitForText("#primary", "Mulai layanan");
            assertThat(frontliner.text("#ticket-number")).isEqualTo(number);
            frontliner.press(Keys.F2);
            frontliner.waitForText("#primary", "Selesai");

            frontliner.type("#participant-number", DECEASED_NIK, Keys.ENTER);
            frontliner.waitUntil(d -> frontliner.findAll("#participant-card").isEmpty() ? null : Boolean.TRUE);
            String participantId = frontliner.find("#participant-card").getAttribute("data-participant");
            frontliner.click("#death-panel summary");
            // a date field's typing order follows the browser's locale; its value is what the person picks
            frontliner.script("document.getElementById('death-date').value = arguments[0]", today.minusDays(3).toString());
            frontliner.click("#doc-DEATH_CERTIFICATE");
            frontliner.type("input[name=number_DEATH_CERTIFICATE]", "3515-KM-0001");
            frontliner.click("#doc-FAMILY_CARD");
            frontliner.type("input[name=number_FAMILY_CARD]", "3515080000000001");
            frontliner.click("#doc-JKN_CARD");
            frontliner.type("input[name=number_JKN_CARD]", "0003000000002");
            frontliner.click("#death-request");
            frontliner.waitUntil(d -> frontliner.findAll("#participant-message").isEmpty() ? null : Boolean.TRUE);
            String message = frontliner.text("#participant-message");
            assertThat(message).contains("menunggu persetujuan supervisor");
            String requestId = message.replaceAll(".*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}).*", "$1");
            assertThat(frontliner.text("#participant-status")).as("a request changes nothing yet").isEqualTo("AKTIF");
            frontliner.screenshot("counter-console-death-report");
            frontliner.assertAccessible();

            SignIn.as(supervisor, floor, "supervisor-sda", "/");
            assertThat(supervisor.url()).contains("/supervisor");
            // the counter serving the visitor, and the wait per service type
            String row = "#counters tr[data-counter=" + COUNTER + "]";
            supervisor.waitUntil(d -> supervisor.findAll(row + "[data-state=SERVING]").isEmpty() ? null : Boolean.TRUE);
            assertThat(SignIn.liveText(supervisor, row + " td.ticket")).isEqualTo(number);
            assertThat(SignIn.liveText(supervisor, row)).contains(FRONTLINER);
            assertThat(SignIn.liveCount(supervisor, "#service-types tr[data-service-type]")).isEqualTo(3);
            supervisor.find("#alerts");
            // the frontliner's request, to decide; the supervisor's own, not
            String request = "#requests [data-request='" + requestId + "']";
            supervisor.waitUntil(d -> supervisor.findAll(request).isEmpty() ? null : Boolean.TRUE);
            assertThat(SignIn.liveText(supervisor, request)).contains(FRONTLINER);
            assertThat(SignIn.liveCount(supervisor, request + " button.approve")).isEqualTo(1);
            String own = "#requests [data-request='" + ownRequest + "']";
            assertThat(SignIn.liveText(supervisor, own)).contains("supervisor lain yang memutuskan");
            assertThat(SignIn.liveCount(supervisor, own + " button.approve")).as("never an approve button on one's own request").isZero();
            // live: the stream swaps the floor in again (a marker set on the old one disappears) without a reload
            supervisor.script("document.getElementById('counters').dataset.old = '1'");
            supervisor.waitUntil(d -> supervisor.script("var c = document.getElementById('counters'); return c && !c.dataset.old ? true : null"));
            supervisor.screenshot("supervisor");
            supervisor.assertAccessible();

            supervisor.click(request + " button.approve");
            supervisor.waitUntil(d -> supervisor.findAll(request).isEmpty() ? Boolean.TRUE : null);
            JsonNode deceased = floor.participant(DECEASED_NIK);
            assertThat(deceased.path("status").asText()).as("approved: the participant is deactivated").isEqualTo("INACTIVE");
            assertThat(deceased.path("id").asText()).isEqualTo(participantId);
            supervisor.assertAccessible();

            // what the frontliner sees next
            frontliner.find("#participant-number").clear();
            frontliner.type("#participant-number", DECEASED_NIK, Keys.ENTER);
            frontliner.waitForText("#participant-status", "TIDAK AKTIF");
        }
    }
}
