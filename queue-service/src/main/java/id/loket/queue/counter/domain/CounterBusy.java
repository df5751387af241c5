package id.loket.queue.counter.domain;

import id.loket.platform.domain.RuleViolation;

import java.util.UUID;

/**
 * A counter asked to call the next visitor while it still has one called or in service: a 409 that names that
 * ticket, so a retried or doubled "call next" shows the person already called instead of calling a second one.
 */
public class CounterBusy extends RuleViolation {

    private final String counterId;
    private final CounterSession.CurrentTicket ticket;

    public CounterBusy(String counterId, CounterSession.CurrentTicket ticket) {
        super("counter " + counterId + " already has ticket " + ticket.number() + " " + ticket.state()
                + "; start, close, transfer or mark it no-show before calling the next visitor");
        this.counterId = counterId;
        this.ticket = ticket;
    }

    public String counterId() {
        return counterId;
    }

    public UUID ticketId() {
        return ticket.ticketId();
    }

    public String ticketNumber() {
        return ticket.number();
    }

    public String ticketState() {
        return ticket.state();
    }
}
