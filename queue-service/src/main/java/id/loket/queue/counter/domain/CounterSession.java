package id.loket.queue.counter.domain;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.counter.domain.CounterEvent.CounterClosed;
import id.loket.queue.counter.domain.CounterEvent.CounterOpened;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A counter's session, as the fold of its events: open (by whom, since when) or closed; and whether it may call the
 * next visitor. Time comes in with each command (the service's Clock).
 */
public record CounterSession(String counterId, boolean open, String staff, Instant openedAt) {

    public static String streamId(String counterId) {
        return "counter-" + counterId;
    }

    public sealed interface Command {
        /** by: the signed-in person (token subject), null when nobody is signed in. */
        record Open(String counterId, String branch, String staff, String by, Instant at) implements Command {
        }

        record Close(String branch, String by, Instant at) implements Command {
        }
    }

    /** The ticket a counter has called or is serving (state CALLED or SERVING). */
    public record CurrentTicket(UUID ticketId, String number, String state) {
    }

    private static final CounterSession CLOSED = new CounterSession(null, false, null, null);

    public static final Decider<Command, CounterEvent, CounterSession> DECIDER =
            new Decider<>(CLOSED, CounterSession::decide, CounterSession::evolve);

    static List<CounterEvent> decide(Command command, CounterSession s) {
        return switch (command) {
            case Command.Open o -> {
                if (s.open) throw new RuleViolation("counter " + o.counterId() + " is OPEN (staffed by " + s.staff + ")");
                yield List.of(new CounterOpened(o.counterId(), o.branch(), o.staff(), o.by(), o.at()));
            }
            case Command.Close c -> {
                if (!s.open) throw new RuleViolation("counter " + (s.counterId == null ? "" : s.counterId + " ") + "is CLOSED");
                yield List.of(new CounterClosed(s.counterId, c.branch(), s.staff, c.by(), s.openedAt, c.at(),
                        Duration.between(s.openedAt, c.at()).toSeconds()));
            }
        };
    }

    static CounterSession evolve(CounterSession s, CounterEvent e) {
        return switch (e) {
            case CounterOpened o -> new CounterSession(o.counterId(), true, o.staff(), o.openedAt());
            case CounterClosed c -> new CounterSession(c.counterId(), false, null, null);
        };
    }

    /** What a counter is doing: closed, open with nobody at it, calling a visitor, or serving one. */
    public enum Activity { CLOSED, IDLE, CALLED, SERVING }

    /** currentTicketState: the state of the ticket it has called or is serving, or null for none. */
    public static Activity activity(boolean open, String currentTicketState) {
        if (!open) return Activity.CLOSED;
        if (currentTicketState == null) return Activity.IDLE;
        return "SERVING".equals(currentTicketState) ? Activity.SERVING : Activity.CALLED;
    }

    /** A counter calls only when it is open and has nobody called or in service (one person at a time). */
    public static void requireReadyToCall(String counterId, boolean open, Optional<CurrentTicket> current) {
        if (!open) throw new RuleViolation("counter " + counterId + " is CLOSED; open it before calling");
        if (current.isPresent()) throw new CounterBusy(counterId, current.get());
    }
}
