package id.loket.complaint.sla.service;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static id.loket.complaint.Api.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs in a second application boot (a test profile restarts Quarkus; the database stays): the monitor of
 * the restarted service must not record again a breach the first one recorded.
 */
@QuarkusTest
@TestProfile(SlaMonitorAfterRestartTest.Restarted.class)
class SlaMonitorAfterRestartTest {

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("test.complaint.boot", "restarted"); // not complaint.*: see SlaMonitorTest.BREACHED
        }
    }

    @Inject
    TestClock clock;
    @Inject
    SlaMonitor monitor;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBreachRecordedBeforeTheRestartIsNotRecordedAgain() throws Exception {
        String handed = System.getProperty(SlaMonitorTest.BREACHED);
        String id;
        if (handed != null) { // the normal case: SlaMonitorTest ran in the first boot
            id = handed.split(" ")[0];
            clock.set(Instant.parse(handed.split(" ")[1]));
        } else { // run alone: make the breach here, then check a second run
            clock.setWib("2026-12-07T09:00");
            id = register("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER");
            clock.setWib("2026-12-07T09:45");
            monitor.run();
        }
        // later tests of the first boot may have breached its resolution deadline too: compare before and after
        long before = SlaMonitorTest.breaches(dataSource, id);
        String escalations = "SELECT count(*) FROM event_store WHERE stream_id = ? AND event_type = 'ComplaintEscalated'";
        long escalatedBefore = Api.count(dataSource, escalations, "complaint-" + id);
        assertThat(before).isGreaterThanOrEqualTo(1);
        assertThat(escalatedBefore).isGreaterThanOrEqualTo(1);
        monitor.run();
        monitor.run();
        assertThat(SlaMonitorTest.breaches(dataSource, id)).isEqualTo(before);
        assertThat(Api.count(dataSource, escalations, "complaint-" + id)).isEqualTo(escalatedBefore);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id LIKE ? AND version > 1",
                "sla-" + id + "-%")).isZero();
    }
}
