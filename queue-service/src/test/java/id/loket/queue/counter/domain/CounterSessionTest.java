package id.loket.queue.counter.domain;

import id.loket.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CounterSessionTest {

    static final UUID TICKET = UUID.fromString("dd215fa4-5c61-436f-8c13-08038c1491c0");

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
