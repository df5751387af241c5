package id.loket.queue.screening.service;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.events.EventCodec;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.screening.domain.Channel;
import id.loket.queue.screening.domain.MembershipAnswer;
import id.loket.queue.screening.domain.Purpose;
import id.loket.queue.screening.domain.ScreeningOutcome;
import id.loket.queue.screening.domain.Suggestion;
import id.loket.queue.screening.domain.VisitEvent;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.projection.TicketView;
import id.loket.queue.ticket.service.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    public record Decision(ScreeningOutcome outcome, String serviceType, Channel channel) {
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
    private final EventStore store;
    private final EventCodec codec;
    private final Clock clock;

    ScreeningService(BranchSetup branches, NikHasher hasher, MembershipLookup lookup, TicketService tickets,
                     EventStore store, EventCodec codec, Clock clock) {
        this.branches = branches;
        this.hasher = hasher;
        this.lookup = lookup;
        this.tickets = tickets;
        this.store = store;
        this.codec = codec;
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
    public Screened screen(Visitor v, Decision confirmed) {
        Checked checked = check(v); // outside the transaction: it may wait on membership-service
        Suggestion s = checked.suggestion();
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
        UUID visitId = UUID.randomUUID();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            UUID ticketId = outcome == ScreeningOutcome.TICKET ? UUID.randomUUID() : null;
            TicketView ticket = null;
            String number = null;
            if (ticketId != null) {
                ticket = tickets.issue(ticketId, v.branch(), serviceType, TicketSource.SCREENING, v.priority(), visitId, null);
                number = ticket.number;
            }
            MembershipAnswer m = checked.membership();
            store.append(VisitEvent.streamId(visitId), ExpectedVersion.noStream(),
                    List.of(codec.encode(new VisitEvent.VisitorScreened(visitId, v.branch(), v.purpose(), m.status(),
                            m.arrearsMonths(), m.arrearsAmount(), m.source(), m.nikLast4(), s.outcome(), outcome, channel, serviceType,
                            ticketId, number, LocalDate.ofInstant(now, branches.branch(v.branch()).zone()), now))));
            return new Screened(visitId, m, s, outcome, serviceType, channel, ticket);
        });
    }
}
