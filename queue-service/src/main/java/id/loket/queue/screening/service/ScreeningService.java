package id.loket.queue.screening.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.EventsOfBranch;
import id.loket.queue.screening.domain.Channel;
import id.loket.queue.screening.domain.MembershipAnswer;
import id.loket.queue.screening.domain.Purpose;
import id.loket.queue.screening.domain.ScreeningOutcome;
import id.loket.queue.screening.domain.Suggestion;
import id.loket.queue.screening.domain.Visit;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.projection.TicketView;
import id.loket.queue.ticket.service.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Screening at the door (stage 1): status from the local copy, a suggestion, the officer's outcome. */
@ApplicationScoped
public class ScreeningService {

    public record Visitor(String branch, String nik, String cardNumber, Purpose purpose, Priority priority) {
        @Override
        public String toString() {
            return "Visitor[branch=" + branch + ", purpose=" + purpose + "]"; // never the NIK
        }
    }

    public record Checked(MembershipAnswer membership, Suggestion suggestion) {
    }

    public record Screened(UUID visitId, MembershipAnswer membership, Suggestion suggestion, ScreeningOutcome outcome,
                           String serviceType, Channel channel, TicketView ticket) {
    }

    private final BranchSetup branches;
    private final NikHasher hasher;
    private final MembershipLookup lookup;
    private final TicketService tickets;
    private final AggregateRepository aggregates;
    private final EventsOfBranch events;
    private final Clock clock;

    ScreeningService(BranchSetup branches, NikHasher hasher, MembershipLookup lookup, TicketService tickets,
                     AggregateRepository aggregates, EventsOfBranch events, Clock clock) {
        this.branches = branches;
        this.hasher = hasher;
        this.lookup = lookup;
        this.tickets = tickets;
        this.aggregates = aggregates;
        this.events = events;
        this.clock = clock;
    }

    /** Status and suggestion, nothing recorded. */
    public Checked check(Visitor v) {
        Branch branch = branches.branch(v.branch());
        MembershipAnswer answer;
        if (v.nik() != null) {
            Nik nik = Nik.parse(v.nik(), "nik", LocalDate.ofInstant(clock.instant(), branch.zone()));
            answer = lookup.byNik(nik.value(), hasher.hash(nik.value()), nik.last4());
        } else if (v.cardNumber() != null) {
            answer = lookup.byCardNumber(v.cardNumber());
        } else {
            answer = MembershipAnswer.unknown(null);
        }
        return new Checked(answer, Suggestion.of(v.purpose(), answer.status()));
    }

    /**
     * Checks, then records VisitorScreened with a new visitId; a TICKET outcome issues the ticket in the same
     * transaction. The officer's decision defaults to the suggestion.
     */
    public Screened screen(Visitor v, Visit.Decision confirmed) {
        Checked checked = check(v); // outside the transaction: it may wait on membership-service
        Visit.Decision d = Visit.resolve(checked.suggestion(), confirmed); // a 400 before anything is written
        UUID visitId = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> {
            events.at(v.branch());
            Instant now = clock.instant();
            TicketView ticket = d.outcome() == ScreeningOutcome.TICKET
                    ? tickets.issue(UUID.randomUUID(), v.branch(), d.serviceType(), TicketSource.SCREENING, v.priority(), visitId, null)
                    : null;
            MembershipAnswer m = checked.membership();
            aggregates.create(Visit.streamId(visitId), Visit.DECIDER, new Visit.Command.Screen(visitId, v.branch(),
                    v.purpose(), m, confirmed, ticket == null ? null : ticket.ticketId, ticket == null ? null : ticket.number,
                    LocalDate.ofInstant(now, branches.branch(v.branch()).zone()), now));
            return new Screened(visitId, m, checked.suggestion(), d.outcome(), d.serviceType(), d.channel(), ticket);
        });
    }
}
