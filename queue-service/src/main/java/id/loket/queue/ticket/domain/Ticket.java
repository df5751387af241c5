package id.loket.queue.ticket.domain;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.ticket.domain.TicketEvent.ServiceStarted;
import id.loket.queue.ticket.domain.TicketEvent.TicketCalled;
import id.loket.queue.ticket.domain.TicketEvent.TicketCarriedOver;
import id.loket.queue.ticket.domain.TicketEvent.TicketClosedAtEndOfDay;
import id.loket.queue.ticket.domain.TicketEvent.TicketIssued;
import id.loket.queue.ticket.domain.TicketEvent.TicketMarkedNoShow;
import id.loket.queue.ticket.domain.TicketEvent.TicketRecalled;
import id.loket.queue.ticket.domain.TicketEvent.TicketReturnedToQueue;
import id.loket.queue.ticket.domain.TicketEvent.TicketTransferred;
import id.loket.queue.ticket.domain.TicketEvent.VisitClosed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A queue ticket, as the fold of its events. Time comes in with each command (the service's Clock). */
public record Ticket(UUID id, UUID visitId, String number, String branch, String serviceType, TicketSource source,
                     Priority priority, Instant issuedAt, TicketState state, String counterId, Instant calledAt,
                     Instant lastCalledAt, int recalls, Instant startedAt) {

    public static String streamId(UUID id) {
        return "ticket-" + id;
    }

    public sealed interface Command {
        /**
         * Creates the ticket. prefix and sequence: the service type's ticket prefix and the number drawn for the
         * branch's business day (the service's look-ups); priority null: none; slotStartsAt: a booked slot's start
         * (an appointment's ticket only, queued then when that is earlier than its issue), else null.
         */
        record Issue(UUID ticketId, UUID visitId, String branch, String serviceType, String prefix, int sequence,
                     TicketSource source, Priority priority, LocalDate businessDate, Instant at, Instant slotStartsAt)
                implements Command {
        }

        record Call(String counterId, Instant at) implements Command {
        }

        record Recall(Duration gracePeriod, Instant at) implements Command {
        }

        record MarkNoShow(int requiredRecalls, Duration gracePeriod, Instant at) implements Command {
        }

        record ReturnToQueue(String by, Instant at) implements Command {
        }

        record Start(Instant at) implements Command {
        }

        record Transfer(String serviceType, Instant at) implements Command {
        }

        /** zone: the branch's time zone id, carried by VisitClosed for readers' local days. */
        record Close(String outcome, String complaintId, List<String> channelsEducated, String zone, Instant at)
                implements Command {
        }

        /** The branch's end-of-day policy: close what still waits, or carry it to the next business day. */
        record EndOfDay(EndOfDayPolicy policy, LocalDate businessDate, LocalDate nextBusinessDate, Instant at) implements Command {
        }
    }

    private static final Ticket NONE = new Ticket(null, null, null, null, null, null, null, null, null, null, null,
            null, 0, null);

    public static final Decider<Command, TicketEvent, Ticket> DECIDER =
            new Decider<>(NONE, Ticket::decide, Ticket::evolve);

    public boolean exists() {
        return id != null;
    }

    static List<TicketEvent> decide(Command command, Ticket t) {
        if (!(command instanceof Command.Issue) && !t.exists()) throw new RuleViolation("no such ticket");
        return switch (command) {
            case Command.Issue i -> issue(i, t);
            case Command.Call c -> {
                t.require("call", TicketState.WAITING);
                yield List.of(new TicketCalled(t.id, t.visitId, t.number, t.branch, c.counterId(), t.serviceType, c.at()));
            }
            case Command.Recall r -> {
                t.require("recall", TicketState.CALLED);
                t.requireGraceOver(r.gracePeriod(), r.at(), "recall");
                yield List.of(new TicketRecalled(t.id, t.visitId, t.branch, t.counterId, t.recalls + 1, r.at()));
            }
            case Command.MarkNoShow n -> {
                t.require("mark as no-show", TicketState.CALLED);
                if (t.recalls < n.requiredRecalls()) {
                    throw new RuleViolation("ticket " + t.number + " has been recalled " + t.recalls + " time(s); "
                            + n.requiredRecalls() + " recall(s) come before a no-show");
                }
                t.requireGraceOver(n.gracePeriod(), n.at(), "mark as no-show");
                yield List.of(new TicketMarkedNoShow(t.id, t.visitId, t.branch, t.counterId, t.recalls, n.at()));
            }
            case Command.ReturnToQueue r -> {
                t.require("return to the queue", TicketState.NO_SHOW);
                yield List.of(new TicketReturnedToQueue(t.id, t.visitId, t.branch, r.by(), r.at()));
            }
            case Command.Start s -> {
                t.require("start service", TicketState.CALLED);
                yield List.of(new ServiceStarted(t.id, t.visitId, t.branch, t.counterId, s.at()));
            }
            case Command.Transfer x -> {
                t.require("transfer", TicketState.CALLED, TicketState.SERVING);
                if (x.serviceType().equals(t.serviceType)) {
                    throw new RuleViolation("ticket " + t.number + " is already for service type " + t.serviceType);
                }
                yield List.of(new TicketTransferred(t.id, t.visitId, t.branch, t.serviceType, x.serviceType(),
                        t.counterId, x.at()));
            }
            case Command.Close c -> {
                t.require("close", TicketState.SERVING);
                yield List.of(new VisitClosed(t.visitId, t.id, t.number, t.branch, t.counterId, t.serviceType,
                        t.source, t.priority, t.issuedAt, t.calledAt, t.startedAt, c.at(),
                        Duration.between(t.issuedAt, t.calledAt).toSeconds(),
                        Duration.between(t.startedAt, c.at()).toSeconds(),
                        c.outcome(), c.complaintId(), List.copyOf(c.channelsEducated()), c.zone()));
            }
            case Command.EndOfDay d -> {
                if (d.policy() == EndOfDayPolicy.CARRY_OVER) {
                    t.require("carry over to the next day", TicketState.WAITING);
                    yield List.of(new TicketCarriedOver(t.id, t.visitId, t.number, t.branch, d.businessDate(),
                            d.nextBusinessDate(), d.at()));
                }
                t.require("close at end of day", TicketState.WAITING, TicketState.CALLED);
                yield List.of(new TicketClosedAtEndOfDay(t.id, t.visitId, t.number, t.branch, t.serviceType,
                        d.businessDate(), d.at()));
            }
        };
    }

    private static List<TicketEvent> issue(Command.Issue i, Ticket t) {
        if (t.exists()) throw new RuleViolation("ticket " + i.ticketId() + " is already issued");
        if (i.sequence() < 1) throw new RuleViolation("ticket numbers start at 1, not " + i.sequence());
        if (i.slotStartsAt() != null && i.source() != TicketSource.APPOINTMENT) {
            throw new RuleViolation("only an appointment's ticket is queued at a slot's start, not a " + i.source() + " ticket");
        }
        // a booked visitor keeps the slot's place in the queue, or the check-in time when checking in late
        Instant queuedAt = i.slotStartsAt() != null && i.slotStartsAt().isBefore(i.at()) ? i.slotStartsAt() : i.at();
        return List.of(new TicketIssued(i.ticketId(), i.visitId(), number(i.prefix(), i.sequence()), i.branch(),
                i.serviceType(), i.source(), i.priority() == null ? Priority.NONE : i.priority(), i.businessDate(),
                i.at(), queuedAt));
    }

    /** A ticket's number as the board shows it: the type's prefix and the day's sequence, e.g. A-007. */
    public static String number(String prefix, int sequence) {
        return prefix + "-" + String.format("%03d", sequence);
    }

    static Ticket evolve(Ticket t, TicketEvent event) {
        return switch (event) {
            case TicketIssued i -> new Ticket(i.ticketId(), i.visitId(), i.ticketNumber(), i.branch(), i.serviceType(),
                    i.source(), i.priority(), i.issuedAt(), TicketState.WAITING, null, null, null, 0, null);
            case TicketCalled c -> t.with(TicketState.CALLED, c.counterId(), c.calledAt(), c.calledAt(), 0, null, t.serviceType);
            case TicketRecalled r -> t.with(TicketState.CALLED, t.counterId, t.calledAt, r.recalledAt(), r.recall(), null, t.serviceType);
            case TicketMarkedNoShow n -> t.with(TicketState.NO_SHOW, t.counterId, t.calledAt, t.lastCalledAt, t.recalls, null, t.serviceType);
            case TicketReturnedToQueue r -> t.with(TicketState.WAITING, null, null, null, 0, null, t.serviceType);
            case ServiceStarted s -> t.with(TicketState.SERVING, t.counterId, t.calledAt, t.lastCalledAt, t.recalls, s.startedAt(), t.serviceType);
            case TicketTransferred x -> t.with(TicketState.WAITING, null, null, null, 0, null, x.toServiceType());
            case TicketClosedAtEndOfDay e -> t.with(TicketState.END_OF_DAY, t.counterId, t.calledAt, t.lastCalledAt, t.recalls, null, t.serviceType);
            case TicketCarriedOver c -> t;
            case VisitClosed c -> t.with(TicketState.CLOSED, t.counterId, t.calledAt, t.lastCalledAt, t.recalls, t.startedAt, t.serviceType);
        };
    }

    private Ticket with(TicketState state, String counterId, Instant calledAt, Instant lastCalledAt, int recalls,
                        Instant startedAt, String serviceType) {
        return new Ticket(id, visitId, number, branch, serviceType, source, priority, issuedAt, state, counterId,
                calledAt, lastCalledAt, recalls, startedAt);
    }

    private void require(String action, TicketState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw new RuleViolation("ticket " + number + " is " + state + "; cannot " + action
                    + " (needs " + (allowed.length == 1 ? allowed[0] : Set.of(allowed)) + ")");
        }
    }

    /** When the called visitor's grace period ends (a recall or a no-show is allowed from then); null unless called. */
    public Instant graceOverAt(Duration grace) {
        return state == TicketState.CALLED && lastCalledAt != null ? lastCalledAt.plus(grace) : null;
    }

    /** Whether a recall would be accepted now (what the console offers). */
    public boolean mayRecall(Duration grace, Instant now) {
        Instant from = graceOverAt(grace);
        return from != null && !now.isBefore(from);
    }

    /** Whether a no-show would be accepted now: recalled enough times, and the grace period over. */
    public boolean mayMarkNoShow(int requiredRecalls, Duration grace, Instant now) {
        return recalls >= requiredRecalls && mayRecall(grace, now);
    }

    private void requireGraceOver(Duration grace, Instant now, String action) {
        Instant allowedFrom = lastCalledAt.plus(grace);
        if (now.isBefore(allowedFrom)) {
            throw new RuleViolation("ticket " + number + " was called at " + lastCalledAt + "; cannot " + action
                    + " before the grace period of " + grace.toSeconds() + " s is over (" + allowedFrom + ")");
        }
    }
}
