package id.loket.system.pages;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import id.loket.system.LoketSystem.Service;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One visit through the floor as its two people do it, each seeing what the one before left: the security officer
 * screens the suspended participant at the door (SUSPENDED, the months and amount in arrears, where that came from)
 * and issues the suggested ticket, after which the NIK is on the page no more (its last four digits at most); the
 * frontliner calls that ticket, sees the door's purpose and status on the console, looks the participant up (the read
 * audited with the visit as its purpose), quotes the arrears and the reactivation penalty, records the payment of
 * exactly the quoted amount and sees the participant ACTIVE, registers a complaint with its SOP category and
 * documents, and closes with the channels taught and the survey QR. Leaves docs/pages/door-screening*.png and
 * counter-console-visit*.png; no serious or critical axe violation on any of them.
 */
class VisitPageTest {

    static final String SUSPENDED_NIK = "3515081203800003"; // Agus Prasetyo, three months unpaid (membership DemoData)
    static final String COUNTER = "SDA-5";                  // serves A, B and C
    static final String FRONTLINER = "frontliner-sda-2";

    @Test
    void aSuspendedVisitorIsScreenedAtTheDoorAndLeavesTheCounterActive() {
        BranchFloor floor = BranchFloor.get();
        floor.clearQueue(COUNTER, FRONTLINER);
        // what queue-service answers for the visitor: the page must show exactly this
        JsonNode door = floor.post(Service.QUEUE, "/screenings/check", "so-sda", "{\"branch\":\"SDA\",\"nik\":\"" + SUSPENDED_NIK
                + "\",\"purpose\":\"ARREARS_PAYMENT\",\"priority\":\"NONE\"}").expect(200).body().path("membership");
        assertThat(door.path("status").asText()).isEqualTo("SUSPENDED");
        int months = door.path("arrearsMonths").asInt();
        long amount = door.path("arrearsAmount").asLong();
        assertThat(months).as("months in arrears at the door").isPositive();
        assertThat(amount).as("amount in arrears at the door").isPositive();

        String ticketNumber;
        try (Browser tablet = Browser.open(Device.TABLET)) {
            SignIn.as(tablet, floor, "so-sda", "/");
            assertThat(tablet.url()).as("the officer lands at the door").contains("/pintu");
            tablet.type("#number", SUSPENDED_NIK);
            tablet.waitForText("#number-hint", "NIK ✓");
            tablet.click("label[for=purpose-ARREARS_PAYMENT]"); // one tap: the check goes at once
            tablet.waitUntil(d -> tablet.findAll("#checked #status").isEmpty() ? null : Boolean.TRUE);
            assertThat(tablet.find("#status").getAttribute("class")).contains("SUSPENDED");
            assertThat(tablet.text("#status")).isEqualTo("DITANGGUHKAN");
            assertThat(tablet.text("#arrears")).contains("Tunggakan " + months + " bulan").contains(rupiah(amount));
            String source = tablet.find("#source").getAttribute("data-source");
            assertThat(source).isIn("LOCAL_COPY", "MEMBERSHIP_SERVICE");
            assertThat(tablet.text("#source")).contains("LOCAL_COPY".equals(source) ? "salinan status di queue-service" : "dari membership-service");
            assertThat(tablet.text("#accept")).contains("Terima saran").contains("C");
            tablet.screenshot("door-screening");
            tablet.assertAccessible();

            tablet.click("#accept");
            tablet.waitUntil(d -> tablet.findAll("#decided").isEmpty() ? null : Boolean.TRUE);
            ticketNumber = tablet.text("#ticket-number");
            assertThat(ticketNumber).matches("C-?\\d+");
            String html = (String) tablet.script("return document.documentElement.outerHTML");
            assertThat(html).as("the NIK is never shown again after submit").doesNotContain(SUSPENDED_NIK)
                    .doesNotContain(SUSPENDED_NIK.substring(0, 12));
            assertThat(tablet.text("#decided")).contains("…" + SUSPENDED_NIK.substring(12));
            assertThat(tablet.find("#number").getAttribute("value")).isEmpty();
            tablet.screenshot("door-screening-ticket");
            tablet.assertAccessible();
        }

        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, FRONTLINER, "/loket/" + COUNTER);
            desktop.waitForText("#primary", "Panggil berikutnya");
            desktop.press(Keys.F2); // call next, by its key
            desktop.waitForText("#primary", "Mulai layanan");
            assertThat(desktop.text("#ticket-number")).as("the door's ticket is called").isEqualTo(ticketNumber);
            assertThat(desktop.text("#door-purpose")).isEqualTo("Bayar tunggakan");
            assertThat(desktop.find("#door-membership").getAttribute("data-status")).isEqualTo("SUSPENDED");
            assertThat(desktop.text("#door-arrears")).contains("Tunggakan " + months + " bulan").contains(rupiah(amount));
            UUID ticketId = UUID.fromString(desktop.url().replaceAll(".*[?&]tiket=([0-9a-f-]{36}).*", "$1"));
            String visitId = floor.get(Service.QUEUE, "/tickets/" + ticketId, FRONTLINER).expect(200).body().path("visitId").asText();
            desktop.press(Keys.F2); // start
            desktop.waitForText("#primary", "Selesai");

            // the participant: the read states the visit as its purpose, and membership-service audits it so
            desktop.type("#participant-number", SUSPENDED_NIK, Keys.ENTER);
            desktop.waitUntil(d -> desktop.findAll("#participant-card").isEmpty() ? null : Boolean.TRUE);
            assertThat(desktop.find("#participant-status").getAttribute("class")).contains("SUSPENDED");
            assertThat(desktop.text("#participant-card")).contains("visit:" + visitId);
            String participantId = desktop.find("#participant-card").getAttribute("data-participant");
            assertThat(floor.get(Service.MEMBERSHIP, "/audit/participants/" + participantId, "supervisor-sda").expect(200).text())
                    .as("membership-service audited the counter's read with the visit as its purpose").contains("visit:" + visitId);

            // the arrears and the penalty quote, as membership-service reckons them
            JsonNode arrears = floor.get(Service.MEMBERSHIP, "/participants/" + participantId + "/arrears?inaCbgTariff=10000000",
                    "supervisor-sda", "X-Purpose", "visit:" + visitId).expect(200).body();
            long toBeActive = arrears.path("totalToBeActive").asLong();
            assertThat(desktop.findAll("#arrears tbody tr")).hasSize(arrears.path("months").size());
            assertThat(desktop.text("#to-be-active")).isEqualTo(rupiah(toBeActive));
            desktop.type("#penalty-tariff", "10000000", Keys.ENTER);
            desktop.waitUntil(d -> desktop.findAll("#penalty").isEmpty() ? null : Boolean.TRUE);
            assertThat(desktop.text("#penalty")).isEqualTo(rupiah(arrears.path("penalty").path("amount").asLong()));
            desktop.screenshot("counter-console-visit");
            desktop.assertAccessible();

            // the payment of exactly the quoted amount: the participant is active again
            WebElement amountField = desktop.find("#payment-amount");
            amountField.clear();
            desktop.type("#payment-amount", desktop.text("#to-be-active").replaceAll("\\D", ""));
            desktop.type("#payment-reference", "PAGE-" + UUID.randomUUID().toString().substring(0, 8), Keys.ENTER);
            desktop.waitUntil(d -> desktop.findAll("#participant-message").isEmpty() ? null : Boolean.TRUE);
            assertThat(desktop.text("#participant-message")).contains("tercatat").contains("Peserta aktif kembali");
            assertThat(desktop.find("#participant-status").getAttribute("class")).contains("ACTIVE");
            assertThat(desktop.text("#participant-status")).isEqualTo("AKTIF");
            assertThat(floor.participant(SUSPENDED_NIK).path("status").asText()).isEqualTo("ACTIVE");

            // a complaint with its SOP category: the category's required documents are shown, one is received
            desktop.click("#complaint-panel summary");
            Select category = new Select(desktop.find("#complaint-category"));
            WebElement withDocuments = category.getOptions().stream()
                    .filter(o -> !o.getAttribute("data-documents").isBlank()).findFirst().orElseThrow();
            String code = withDocuments.getAttribute("value");
            category.selectByValue(code);
            String docs = ".complaint-docs[data-category='" + code + "']";
            desktop.waitUntil(d -> desktop.find(docs).isDisplayed() ? Boolean.TRUE : null);
            assertThat(desktop.findAll(docs + " input[type=checkbox]")).isNotEmpty();
            desktop.click(docs + " label");
            desktop.type("#complaint-description", "Tagihan bulan lalu tercatat dua kali.");
            desktop.click("#complaint-register");
            desktop.waitUntil(d -> desktop.findAll("#complaint-done").isEmpty() ? null : Boolean.TRUE);
            String reference = desktop.find("#complaint-done").getAttribute("data-reference");
            assertThat(reference).isNotBlank();
            assertThat(desktop.text("#complaint-done")).contains(reference).contains("tercatat");
            desktop.screenshot("counter-console-visit-complaint");
            desktop.assertAccessible();

            // close with the channels taught; the survey QR for the participant's phone
            desktop.click("label[for=taught-MOBILE_JKN]");
            desktop.click("label[for=taught-PANDAWA]");
            desktop.click("#primary");
            desktop.waitUntil(d -> desktop.findAll("#survey-qr").isEmpty() ? null : Boolean.TRUE);
            desktop.waitUntil(d -> desktop.script("var i = document.getElementById('survey-qr'); return i && i.complete && i.naturalWidth > 0 ? true : null"));
            assertThat(floor.get(Service.QUEUE, "/tickets/" + ticketId, FRONTLINER).body().path("state").asText()).isEqualTo("CLOSED");
            assertThat(floor.get(Service.QUEUE, "/tickets/" + ticketId + "/events", FRONTLINER).expect(200).text())
                    .as("the channels taught are recorded with the close").contains("MOBILE_JKN").contains("PANDAWA");
            desktop.screenshot("counter-console-visit-survey");
            desktop.assertAccessible();
        }
    }

    static String rupiah(long amount) {
        return "Rp" + NumberFormat.getIntegerInstance(Locale.forLanguageTag("id-ID")).format(amount);
    }
}
