package id.loket.queue.counter.domain;

import id.loket.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterSessionTest {

    static final UUID TICKET = UUID.fromString("dd215fa4-5c61-436f-8c13-08038c1491c0");
    static final Instant NINE = Instant.parse("2026-11-26T02:00:00Z");

    static CounterSession given(CounterEvent... events) {
        return CounterSession.DECIDER.fold(CounterSession.DECIDER.initialState(), List.of(events));
    }

    static List<CounterEvent> when(CounterSession state, CounterSession.Command command) {
        return CounterSession.DECIDER.decide().apply(command, state);
    }

    static final CounterEvent.CounterOpened OPENED =
            new CounterEvent.CounterOpened("SDA-2", "SDA", "Rina", "frontliner-sda-2", NINE);

    @Test
    void aCounterNeverOpenedIsClosedAndOpensWithWhoStaffsItAndWhoOpenedIt() {
        assertThat(given().open()).isFalse();
        assertThat(when(given(), new CounterSession.Command.Open("SDA-2", "SDA", "Rina", "frontliner-sda-2", NINE)))
                .containsExactly(OPENED);
    }

    @Test
    void anOpenCounterClosesWithTheLengthOfItsSession() {
        Instant noon = NINE.plus(Duration.ofHours(3).plusSeconds(5));
        assertThat(when(given(OPENED), new CounterSession.Command.Close("SDA", "supervisor-sda", noon)))
                .containsExactly(new CounterEvent.CounterClosed("SDA-2", "SDA", "Rina", "supervisor-sda", NINE, noon, 3 * 3600 + 5));
    }

    @Test
    void anOpenCounterDoesNotOpenAgainAndAClosedOneDoesNotClose() {
        assertThatThrownBy(() -> when(given(OPENED), new CounterSession.Command.Open("SDA-2", "SDA", "Budi", "b", NINE)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("OPEN (staffed by Rina)");
        assertThatThrownBy(() -> when(given(), new CounterSession.Command.Close("SDA", "b", NINE)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("CLOSED");
        CounterSession closed = given(OPENED, new CounterEvent.CounterClosed("SDA-2", "SDA", "Rina", null, NINE, NINE.plusSeconds(60), 60));
        assertThat(closed.open()).isFalse();
        assertThatThrownBy(() -> when(closed, new CounterSession.Command.Close("SDA", "b", NINE.plusSeconds(90))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("SDA-2 is CLOSED");
        // and it opens again, for another session
        assertThat(when(closed, new CounterSession.Command.Open("SDA-2", "SDA", "Budi", "b", NINE.plusSeconds(120))))
                .hasSize(1).first().isInstanceOf(CounterEvent.CounterOpened.class);
    }

    @Test
    void whatACounterIsDoingFollowsItsSessionAndItsTicket() {
        assertThat(CounterSession.activity(false, null)).isEqualTo(CounterSession.Activity.CLOSED);
        assertThat(CounterSession.activity(true, null)).isEqualTo(CounterSession.Activity.IDLE);
        assertThat(CounterSession.activity(true, "CALLED")).isEqualTo(CounterSession.Activity.CALLED);
        assertThat(CounterSession.activity(true, "SERVING")).isEqualTo(CounterSession.Activity.SERVING);
    }

    @Test
    void anOpenCounterWithNobodyCalledMayCall() {
        assertThatCode(() -> CounterSession.requireReadyToCall("SDA-2", true, Optional.empty())).doesNotThrowAnyException();
    }

    @Test
    void aClosedCounterMayNotCall() {
        assertThatThrownBy(() -> CounterSession.requireReadyToCall("SDA-2", false, Optional.empty()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("CLOSED");
    }

    @Test
    void aCounterWithACalledOrServedTicketIsBusyAndNamesIt() {
        for (String state : new String[]{"CALLED", "SERVING"}) {
            var current = new CounterSession.CurrentTicket(TICKET, "A-007", state);
            assertThatThrownBy(() -> CounterSession.requireReadyToCall("SDA-2", true, Optional.of(current)))
                    .isInstanceOfSatisfying(CounterBusy.class, e -> {
                        assertThat(e.counterId()).isEqualTo("SDA-2");
                        assertThat(e.ticketId()).isEqualTo(TICKET);
                        assertThat(e.ticketNumber()).isEqualTo("A-007");
                        assertThat(e.ticketState()).isEqualTo(state);
                        assertThat(e.getMessage()).contains("A-007 " + state);
                    });
        }
    }
}
