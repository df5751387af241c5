package id.loket.queue.counter.domain;

import id.loket.platform.domain.RuleViolation;

import java.util.Optional;
import java.util.UUID;

/** A counter's session: whether it may call the next visitor. */
public final class CounterSession {

    /** The ticket a counter has called or is serving (state CALLED or SERVING). */
    public record CurrentTicket(UUID ticketId, String number, String state) {
    }

    private CounterSession() {
    }

    /** A counter calls only when it is open and has nobody called or in service (one person at a time). */
    public static void requireReadyToCall(String counterId, boolean open, Optional<CurrentTicket> current) {
        if (!open) throw new RuleViolation("counter " + counterId + " is CLOSED; open it before calling");
        if (current.isPresent()) throw new CounterBusy(counterId, current.get());
    }
}
