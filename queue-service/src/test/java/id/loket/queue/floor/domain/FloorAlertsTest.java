package id.loket.queue.floor.domain;

import id.loket.queue.counter.domain.CounterSession.Activity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FloorAlertsTest {

    static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
    static final FloorAlerts.Thresholds T = new FloorAlerts.Thresholds(Duration.ofMinutes(3), Duration.ofMinutes(2), 3.0,
            Duration.ofMinutes(10));
    static final UUID TICKET = UUID.fromString("dd215fa4-5c61-436f-8c13-08038c1491c0");

    static FloorAlerts.CounterNow called(String id, Duration ago) {
        return new FloorAlerts.CounterNow(id, Activity.CALLED, List.of("A"), NOW.minus(ago), TICKET, "A-007", "A",
                NOW.minus(ago), null);
    }

    static FloorAlerts.CounterNow serving(String id, String type, Duration ago) {
        return new FloorAlerts.CounterNow(id, Activity.SERVING, List.of(type), NOW.minus(ago), TICKET, type + "-001", type,
                NOW.minus(ago).minusSeconds(30), NOW.minus(ago));
    }

    static FloorAlerts.CounterNow idle(String id, Duration ago, String... types) {
        return new FloorAlerts.CounterNow(id, Activity.IDLE, List.of(types), NOW.minus(ago), null, null, null, null, null);
    }

    static List<FloorAlerts.Alert> alerts(Map<String, Long> waiting, Map<String, Double> medians, FloorAlerts.CounterNow... counters) {
        return FloorAlerts.of(List.of(counters), waiting, medians, T, NOW);
    }

    @Test
    void aTicketCalledThreeMinutesAgoAndNotStartedIsAnAlertNotBefore() {
        assertThat(alerts(Map.of(), Map.of(), called("SDA-1", Duration.ofSeconds(179)))).isEmpty();
        assertThat(alerts(Map.of(), Map.of(), called("SDA-1", Duration.ofSeconds(180))))
                .containsExactly(new FloorAlerts.Alert(FloorAlerts.Kind.CALLED_NOT_STARTED, "SDA-1", TICKET, "A-007",
                        List.of("A"), NOW.minusSeconds(180), 180, 180));
    }

    @Test
    void anOpenCounterIdleWhilePeopleWaitForWhatItServesIsAnAlert() {
        // idle long enough, but nobody waits for A or C (B does not count: it does not serve B)
        assertThat(alerts(Map.of("B", 4L, "A", 0L), Map.of(), idle("SDA-2", Duration.ofMinutes(5), "A", "C"))).isEmpty();
        // someone waits for C, but the counter has been idle for a minute only
        assertThat(alerts(Map.of("C", 1L), Map.of(), idle("SDA-2", Duration.ofMinutes(1), "A", "C"))).isEmpty();
        assertThat(alerts(Map.of("C", 1L, "A", 2L), Map.of(), idle("SDA-2", Duration.ofMinutes(2), "A", "C")))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(FloorAlerts.Kind.IDLE_WHILE_WAITING);
                    assertThat(a.serviceTypes()).containsExactly("A", "C");
                    assertThat(a.seconds()).isEqualTo(120);
                    assertThat(a.ticketId()).isNull();
                });
        // a closed counter is nobody's alert
        assertThat(alerts(Map.of("A", 9L), Map.of(), new FloorAlerts.CounterNow("SDA-3", Activity.CLOSED, List.of("A"),
                NOW.minus(Duration.ofHours(2)), null, null, null, null, null))).isEmpty();
    }

    @Test
    void aServiceFarLongerThanTodaysMedianOfItsTypeIsAnAlertButNeverBelowTheFloor() {
        // no visit of the type closed yet today: the floor, 10 minutes
        assertThat(alerts(Map.of(), Map.of(), serving("SDA-4", "C", Duration.ofMinutes(10)))).isEmpty();
        assertThat(alerts(Map.of(), Map.of(), serving("SDA-4", "C", Duration.ofMinutes(10).plusSeconds(1))))
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo(FloorAlerts.Kind.LONG_SERVICE);
                    assertThat(a.thresholdSeconds()).isEqualTo(600);
                });
        // a median of 2 minutes: 3 × 2 = 6 minutes is under the floor, so still 10
        assertThat(FloorAlerts.longServiceThresholdSeconds(120.0, T)).isEqualTo(600);
        // a median of 5 minutes: 15 minutes
        assertThat(alerts(Map.of(), Map.of("C", 300.0), serving("SDA-4", "C", Duration.ofMinutes(14)))).isEmpty();
        assertThat(alerts(Map.of(), Map.of("C", 300.0), serving("SDA-4", "C", Duration.ofMinutes(16))))
                .singleElement().extracting(FloorAlerts.Alert::thresholdSeconds).isEqualTo(900L);
    }

    @Test
    void theLongestStandingAlertComesFirst() {
        List<FloorAlerts.Alert> all = alerts(Map.of("A", 1L), Map.of(),
                called("SDA-1", Duration.ofMinutes(4)), idle("SDA-2", Duration.ofMinutes(30), "A"),
                serving("SDA-3", "A", Duration.ofMinutes(12)));
        assertThat(all).extracting(FloorAlerts.Alert::counterId).containsExactly("SDA-2", "SDA-3", "SDA-1");
    }
}
