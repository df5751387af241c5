package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;
import id.loket.platform.test.browser.Device;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's floor: the counters and the waiting per service type, updated over Server-Sent Events without a
 * reload. Leaves docs/pages/supervisor.png; no serious or critical axe violation.
 */
class SupervisorPageTest {

    @Test
    void theSupervisorSeesTheCountersAndTheWaitLive() {
        BranchFloor floor = BranchFloor.get();
        try (Browser desktop = Browser.open(Device.DESKTOP)) {
            SignIn.as(desktop, floor, "supervisor-sda", "/");
            assertThat(desktop.url()).contains("/supervisor");
            desktop.waitUntil(d -> desktop.findAll("#counters tr[data-counter=SDA-1]").isEmpty() ? null : Boolean.TRUE);
            desktop.find("#service-types");
            // live: the stream swaps the floor in again (a marker set on the old one disappears) without a reload
            desktop.script("document.getElementById('counters').dataset.old = '1'");
            desktop.waitUntil(d -> desktop.script("var c = document.getElementById('counters'); return c && !c.dataset.old ? true : null"));
            desktop.screenshot("supervisor");
            desktop.assertAccessible();
        }
    }
}
