package id.loket.complaint.sla.service;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static id.loket.complaint.Api.get;
import static id.loket.complaint.Api.post;
import static id.loket.complaint.Api.register;
import static id.loket.complaint.TestClock.wib;
import static id.loket.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SlaMonitorTest {

    /** Handed to {@link SlaMonitorAfterRestartTest}, which runs in a restarted application. */
    // outside complaint.*: ComplaintConfig maps that whole namespace and refuses a property it does not know
    static final String BREACHED = "test.complaint.breached";

    @Inject
    TestClock clock;
    @Inject
    SlaMonitor monitor;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static long breaches(AgroalDataSource ds, String complaintId) throws Exception {
        return Api.count(ds, "SELECT count(*) FROM event_store WHERE stream_id LIKE ? AND event_type = 'ComplaintSlaBreached'",
                "sla-" + complaintId + "-%");
    }

    @Test
    void aBreachedDeadlineIsRecordedOnceAcrossTwoRuns() throws Exception {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER"); // red: respond by 09:30
        clock.setWib("2026-12-07T09:29");
        monitor.run();
        assertThat(breaches(dataSource, id)).isZero();
        get(id).body("responseBreached", equalTo(false)).body("escalatedTo", equalTo(List.of()));

        clock.setWib("2026-12-07T09:45");
        monitor.run();
        monitor.run();
        assertThat(breaches(dataSource, id)).isEqualTo(1);
        String stream = SlaMonitor.breachStream(Api.uuid(id), "FIRST_RESPONSE", wib("2026-12-07T09:30"));
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE stream_id = ?", stream)).isEqualTo(1);
        get(id).body("responseBreached", equalTo(true))
                .body("overdue", equalTo(true))
                .body("escalatedTo", equalTo(List.of("SUPERVISOR")))
                .body("timeline.findAll { it.type == 'ComplaintSlaBreached' }.size()", equalTo(1))
                .body("timeline.find { it.type == 'ComplaintEscalated' }.detail.by", equalTo("SLA_LADDER"));
        System.setProperty(BREACHED, id + " " + clock.instant());

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.complaint.events")) {
            var r = topic.awaitRecord(rec -> stream.equals(rec.key()), Duration.ofSeconds(60));
            assertThat(header(r, "ce_type")).isEqualTo("loket.complaint.ComplaintSlaBreached");
            var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(r.value(), StandardCharsets.UTF_8));
            assertThat(event.get("complaintId").asText()).isEqualTo(id);
            assertThat(event.get("deadline").asText()).isEqualTo("FIRST_RESPONSE");
            assertThat(event.get("dueAt").asText()).isEqualTo("2026-12-07T02:30:00Z");
            assertThat(event.get("reference").asText()).startsWith("SDA-20261207-");
        }
    }

    @Test
    void theLadderClimbsToSupervisorThenBranchHeadOnlyWithinServiceHours() throws Exception {
        clock.setWib("2026-12-07T09:00"); // yellow: resolve by Monday 14 December 15:00
        String id = register("SDA", "DATA_CORRECTION", "COUNTER");
        post(id, "respond", "{\"message\":\"Berkas kami terima\"}").statusCode(200);

        clock.setWib("2026-12-14T14:00");
        monitor.run();
        get(id).body("escalatedTo", equalTo(List.of())).body("resolutionBreached", equalTo(false));

        clock.setWib("2026-12-14T16:00"); // overdue, but the office is closed: recorded, no alert
        monitor.run();
        assertThat(breaches(dataSource, id)).isEqualTo(1);
        get(id).body("resolutionBreached", equalTo(true)).body("escalatedTo", equalTo(List.of()));

        clock.setWib("2026-12-15T08:00");
        monitor.run();
        get(id).body("escalatedTo", equalTo(List.of("SUPERVISOR")));

        clock.setWib("2026-12-15T14:00"); // six service hours after the deadline: not yet the branch head
        monitor.run();
        get(id).body("escalatedTo", equalTo(List.of("SUPERVISOR")));

        clock.setWib("2026-12-15T15:30"); // seven service hours have passed, but after closing
        monitor.run();
        get(id).body("escalatedTo", equalTo(List.of("SUPERVISOR")));

        clock.setWib("2026-12-16T08:00");
        monitor.run();
        monitor.run();
        get(id).body("escalatedTo", equalTo(List.of("SUPERVISOR", "BRANCH_HEAD")))
                .body("timeline.findAll { it.type == 'ComplaintEscalated' && it.detail.by == 'SLA_LADDER' }.size()", equalTo(2));
        assertThat(breaches(dataSource, id)).isEqualTo(1);
    }

    @Test
    void aPausedComplaintIsNotOverdueForResolution() throws Exception {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "INFORMATION", "COUNTER");
        post(id, "respond", "{\"message\":\"ok\"}").statusCode(200);
        post(id, "pause", "{\"reason\":\"waiting for the participant\"}").statusCode(200);
        clock.setWib("2027-01-20T10:00");
        monitor.run();
        assertThat(breaches(dataSource, id)).isZero();
        get(id).body("overdue", equalTo(false)).body("escalatedTo", equalTo(List.of()));
    }
}
