package id.loket.queue.screening.domain;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.screening.domain.VisitEvent.VisitorScreened;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A visit before it has a ticket, as the fold of its events: screened once at the door, with the officer's outcome
 * (the suggestion for the visitor's purpose and membership status, unless the officer decides otherwise).
 */
public record Visit(UUID visitId, String branch, ScreeningOutcome outcome, UUID ticketId) {

    public static String streamId(UUID visitId) {
        return "visit-" + visitId;
    }

    /** The officer's outcome; a null part is the suggestion's (or none where the outcome needs none). */
    public record Decision(ScreeningOutcome outcome, String serviceType, Channel channel) {
    }

    public sealed interface Command {
        /**
         * Records the screening. membership: what the door saw (the service's look-up); ticketId and ticketNumber:
         * the ticket issued for a TICKET outcome in the same transaction, else null.
         */
        record Screen(UUID visitId, String branch, Purpose purpose, MembershipAnswer membership, Decision confirmed,
                      UUID ticketId, String ticketNumber, LocalDate businessDate, Instant at) implements Command {
        }
    }

    private static final Visit NONE = new Visit(null, null, null, null);

    public static final Decider<Command, VisitEvent, Visit> DECIDER = new Decider<>(NONE, Visit::decide, Visit::evolve);

    public boolean exists() {
        return visitId != null;
    }

    /**
     * The outcome the officer's decision comes to: the suggestion where the officer gave none, a service type only
     * for a ticket and a channel only for the digital channels; a 400 naming what a TICKET or DIRECTED_TO_DIGITAL
     * outcome lacks. The service asks this first, to know whether a ticket is to be issued.
     */
    public static Decision resolve(Suggestion s, Decision confirmed) {
        ScreeningOutcome outcome = confirmed.outcome() != null ? confirmed.outcome() : s.outcome();
        String serviceType = outcome == ScreeningOutcome.TICKET
                ? (confirmed.serviceType() != null ? confirmed.serviceType() : s.serviceType()) : null;
        Channel channel = outcome == ScreeningOutcome.DIRECTED_TO_DIGITAL
                ? (confirmed.channel() != null ? confirmed.channel() : s.channel()) : null;
        if (outcome == ScreeningOutcome.TICKET && serviceType == null) {
            throw new InvalidField("serviceType", "is needed for a TICKET outcome");
        }
        if (outcome == ScreeningOutcome.DIRECTED_TO_DIGITAL && channel == null) {
            throw new InvalidField("channel", "is needed for a DIRECTED_TO_DIGITAL outcome");
        }
        return new Decision(outcome, serviceType, channel);
    }

    static List<VisitEvent> decide(Command command, Visit v) {
        return switch (command) {
            case Command.Screen s -> {
                if (v.exists()) throw new RuleViolation("visit " + s.visitId() + " is already screened");
                MembershipAnswer m = s.membership();
                Suggestion suggested = Suggestion.of(s.purpose(), m.status());
                Decision d = resolve(suggested, s.confirmed());
                boolean ticket = d.outcome() == ScreeningOutcome.TICKET;
                if (ticket != (s.ticketId() != null && s.ticketNumber() != null)) {
                    throw new RuleViolation(ticket ? "a TICKET outcome is recorded with its ticket"
                            : "a " + d.outcome() + " outcome has no ticket");
                }
                yield List.of(new VisitorScreened(s.visitId(), s.branch(), s.purpose(), m.status(), m.arrearsMonths(),
                        m.arrearsAmount(), m.source(), m.nikLast4(), suggested.outcome(), d.outcome(), d.channel(),
                        d.serviceType(), s.ticketId(), s.ticketNumber(), s.businessDate(), s.at()));
            }
        };
    }

    static Visit evolve(Visit v, VisitEvent event) {
        return switch (event) {
            case VisitorScreened s -> new Visit(s.visitId(), s.branch(), s.outcome(), s.ticketId());
        };
    }
}
