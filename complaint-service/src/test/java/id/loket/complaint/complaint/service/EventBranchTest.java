package id.loket.complaint.complaint.service;

import id.loket.complaint.Api;
import id.loket.complaint.TestClock;
import id.loket.complaint.sla.service.SlaMonitor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event's metadata names the branch where it happened: the complaint's, not the user's. The tests act as
 * the default national staff user, whose token names no branch at all, so the branch can only be the complaint's.
 */
@QuarkusTest
class EventBranchTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TestClock clock;
    @Inject
    SlaMonitor monitor;

    @Test
    void aRegistrationAndAStepNameTheComplaintsBranch() throws Exception {
        String branch = Api.newBranch(dataSource);
        String id = Api.register(branch, "INFORMATION", "COUNTER");
        Api.post(id, "respond", "{\"message\":\"Sedang kami periksa\"}").statusCode(200);

        assertThat(branchesOf("complaint-" + id)).isEqualTo(2);
    }

    @Test
    void theSlaMonitorsBreachAndEscalationNameTheComplaintsBranch() throws Exception {
        String branch = Api.newBranch(dataSource); // Sidoarjo's hours: open on a Monday morning
        clock.setWib("2026-12-07T09:00");
        String id = Api.register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER"); // red: respond by 09:30
        clock.setWib("2026-12-07T09:45");
        monitor.run();

        assertThat(branchesOf("sla-" + id + "-%")).isEqualTo(1);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id = ? AND event_type = 'ComplaintEscalated'"
                + " AND metadata->>'branch' = ?", "complaint-" + id, branch)).isEqualTo(1);
    }

    /** How many events of the streams matching the pattern there are, each checked to name the branch of its complaint. */
    private long branchesOf(String streamPattern) throws Exception {
        long all = Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id LIKE ?", streamPattern);
        long named = Api.count(dataSource, "SELECT count(*) FROM event_store e WHERE e.stream_id LIKE ?"
                + " AND e.metadata->>'branch' = e.payload->>'branch'", streamPattern);
        assertThat(named).as("events of %s naming their complaint's branch", streamPattern).isEqualTo(all);
        return all;
    }
}
