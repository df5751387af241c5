package id.loket.complaint.sla.domain;

import id.loket.complaint.complaint.domain.ComplaintEvent;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintSlaBreached;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A passed deadline is recorded once, when the monitor finds it; a deadline still running is no breach. */
class SlaBreachTest {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000005a1");
    static final Instant DUE = Instant.parse("2026-12-07T02:30:00Z");
    static final Instant FOUND = DUE.plus(Duration.ofMinutes(15));

    final DeciderSpec<SlaBreach.Detect, ComplaintEvent, SlaBreach> breach = DeciderSpec.of(SlaBreach.DECIDER);

    static SlaBreach.Detect detect(String deadline, Instant now) {
        return new SlaBreach.Detect(ID, "SDA-20261207-0001", "SDA", "HEALTH_SERVICE_COMPLAINT", deadline, DUE, now);
    }

    static ComplaintSlaBreached breached(String deadline, Instant at) {
        return new ComplaintSlaBreached(ID, "SDA-20261207-0001", "SDA", "HEALTH_SERVICE_COMPLAINT", deadline, DUE, at);
    }

    @Test
    void aPassedDeadlineIsRecordedWithWhenItWasFound() {
        SlaBreach after = breach.given().when(detect("FIRST_RESPONSE", FOUND)).then(breached("FIRST_RESPONSE", FOUND));
        assertThat(after.breached()).isEqualTo(breached("FIRST_RESPONSE", FOUND));
        breach.given().when(detect("RESOLUTION", DUE.plusMillis(1))).then(breached("RESOLUTION", DUE.plusMillis(1)));
    }

    @Test
    void aRecordedBreachIsNotRecordedAgainByALaterRun() {
        breach.given(breached("FIRST_RESPONSE", FOUND)).when(detect("FIRST_RESPONSE", FOUND.plusSeconds(60))).thenNothing();
    }

    @Test
    void aDeadlineThatHasNotPassedIsNoBreach() {
        breach.given().when(detect("FIRST_RESPONSE", DUE)).thenViolates(RuleViolation.class, "has not passed");
        breach.given().when(detect("RESOLUTION", DUE.minusSeconds(1))).thenViolates(RuleViolation.class, "has not passed");
    }

    @Test
    void onlyTheFirstResponseAndTheResolutionHaveDeadlines() {
        breach.given().when(detect("LUNCH", FOUND)).thenViolates(RuleViolation.class, "no deadline LUNCH");
    }
}
