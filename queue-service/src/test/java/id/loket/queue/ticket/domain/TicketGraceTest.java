package id.loket.queue.ticket.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the console offers for a called ticket follows the rules its decider applies. */
class TicketGraceTest {

    static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(2);
    static final UUID ID = UUID.fromString("dd215fa4-5c61-436f-8c13-08038c1491c0");

    static Ticket given(TicketEvent... events) {
        return Ticket.DECIDER.fold(Ticket.DECIDER.initialState(), List.of(events));
    }

    static final TicketEvent ISSUED = new TicketEvent.TicketIssued(ID, ID, "A-007", "SDA", "A", TicketSource.KIOSK,
            Priority.NONE, LocalDate.of(2026, 11, 26), T0, T0);
    static final TicketEvent CALLED = new TicketEvent.TicketCalled(ID, ID, "A-007", "SDA", "SDA-2", "A", T0.plusSeconds(60));

    @Test
    void aRecallIsOfferedOnceTheGracePeriodAfterTheLastCallIsOver() {
        Ticket t = given(ISSUED, CALLED);
        assertThat(t.graceOverAt(GRACE)).isEqualTo(T0.plusSeconds(180));
        assertThat(t.mayRecall(GRACE, T0.plusSeconds(179))).isFalse();
        assertThat(t.mayRecall(GRACE, T0.plusSeconds(180))).isTrue();
        Ticket recalled = given(ISSUED, CALLED, new TicketEvent.TicketRecalled(ID, ID, "SDA", "SDA-2", 1, T0.plusSeconds(200)));
        assertThat(recalled.graceOverAt(GRACE)).isEqualTo(T0.plusSeconds(320));
        assertThat(given(ISSUED).graceOverAt(GRACE)).isNull();
        assertThat(given(ISSUED).mayRecall(GRACE, T0.plusSeconds(999))).isFalse();
    }

    @Test
    void aNoShowIsOfferedAfterTheRequiredRecallsAndTheirGracePeriod() {
        Ticket once = given(ISSUED, CALLED, new TicketEvent.TicketRecalled(ID, ID, "SDA", "SDA-2", 1, T0.plusSeconds(200)));
        assertThat(once.mayMarkNoShow(2, GRACE, T0.plusSeconds(9999))).isFalse();
        Ticket twice = given(ISSUED, CALLED, new TicketEvent.TicketRecalled(ID, ID, "SDA", "SDA-2", 1, T0.plusSeconds(200)),
                new TicketEvent.TicketRecalled(ID, ID, "SDA", "SDA-2", 2, T0.plusSeconds(400)));
        assertThat(twice.mayMarkNoShow(2, GRACE, T0.plusSeconds(519))).isFalse();
        assertThat(twice.mayMarkNoShow(2, GRACE, T0.plusSeconds(520))).isTrue();
        // and the decider agrees at that instant
        assertThat(Ticket.DECIDER.decide().apply(new Ticket.Command.MarkNoShow(2, GRACE, T0.plusSeconds(520)), twice)).hasSize(1);
    }
}
