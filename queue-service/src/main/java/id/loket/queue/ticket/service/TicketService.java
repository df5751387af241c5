package id.loket.queue.ticket.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.eventstore.EventStore;
import id.loket.queue.branch.service.BranchCache;
import id.loket.queue.branch.service.EventsOfBranch;
import id.loket.queue.branch.service.ServiceType;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.Ticket;
import id.loket.queue.ticket.domain.TicketEvent;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.projection.TicketView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Issuing tickets and what happens to a called ticket at the counter. */
@ApplicationScoped
public class TicketService {

    private final AggregateRepository aggregates;
    private final EventStore store;
    private final TicketNumbers numbers;
    private final BranchCache branchCache;
    private final EventsOfBranch events;
    private final QueueConfig config;
    private final Clock clock;

    TicketService(AggregateRepository aggregates, EventStore store, TicketNumbers numbers, BranchCache branchCache,
                  EventsOfBranch events, QueueConfig config, Clock clock) {
        this.aggregates = aggregates;
        this.store = store;
        this.numbers = numbers;
        this.branchCache = branchCache;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Issues a ticket; everything (service hours included) is checked before the number is drawn, and the number is drawn in the
     * append's transaction. A ticket taken without screening starts its visit here (visitId null). slotStartsAt: a booked
     * slot's start, for an appointment's ticket (else null).
     */
    @Transactional
    public TicketView issue(UUID ticketId, String branchCode, String serviceTypeCode, TicketSource source, Priority priority,
                            UUID visitId, Instant slotStartsAt) {
        // the branch's set-up from memory: it changes only through the admin endpoints (BranchCache)
        BranchCache.Snapshot branch = branchCache.get(branchCode);
        String prefix = branch.prefix(serviceTypeCode)
                .orElseThrow(() -> new InvalidField("serviceType", "branch " + branchCode + " has no service type " + serviceTypeCode));
        Instant now = clock.instant();
        if (source != TicketSource.APPOINTMENT) {
            // the kiosk and the door take tickets only while the branch is open and not on a holiday (a booked
            // slot was checked against the calendar when it was booked, and its visitor may check in early)
            branch.calendar().requireOpen(branchCode, now, branch.zone());
        }
        LocalDate businessDate = LocalDate.ofInstant(now, branch.zone());
        events.at(branchCode);
        // From here to the commit the numbering row is locked (every ticket of this branch's type waits), so only the
        // decision, the append and its projection come after it. A new ticket's stream is new: create appends it
        // without reading it first.
        int sequence = numbers.next(branchCode, serviceTypeCode, businessDate);
        aggregates.create(Ticket.streamId(ticketId), Ticket.DECIDER, new Ticket.Command.Issue(ticketId,
                visitId != null ? visitId : UUID.randomUUID(), branchCode, serviceTypeCode, prefix, sequence, source,
                priority, businessDate, now, slotStartsAt));
        return TicketView.findById(ticketId); // the projection persisted it in this transaction
    }

    public TicketView get(UUID ticketId) {
        TicketView v = TicketView.findById(ticketId);
        if (v == null) throw new NotFound("no ticket " + ticketId);
        return v;
    }

    public List<StoredEvent> history(UUID ticketId) {
        get(ticketId);
        return store.readStream(Ticket.streamId(ticketId));
    }

    @Transactional
    public TicketView recall(UUID ticketId) {
        return handle(ticketId, now -> new Ticket.Command.Recall(config.recallGracePeriod(), now));
    }

    @Transactional
    public TicketView markNoShow(UUID ticketId) {
        return handle(ticketId, now -> new Ticket.Command.MarkNoShow(config.noShowAfterRecalls(), config.recallGracePeriod(), now));
    }

    @Transactional
    public TicketView returnToQueue(UUID ticketId, String by) {
        return handle(ticketId, now -> new Ticket.Command.ReturnToQueue(by, now));
    }

    @Transactional
    public TicketView start(UUID ticketId) {
        return handle(ticketId, Ticket.Command.Start::new);
    }

    @Transactional
    public TicketView transfer(UUID ticketId, String serviceType) {
        TicketView v = get(ticketId);
        if (ServiceType.of(v.branch, serviceType).isEmpty()) {
            throw new InvalidField("serviceType", "branch " + v.branch + " has no service type " + serviceType);
        }
        return handle(ticketId, now -> new Ticket.Command.Transfer(serviceType, now));
    }

    @Transactional
    public TicketView close(UUID ticketId, String outcome, String complaintId, List<String> channelsEducated) {
        String zone = branchCache.get(get(ticketId).branch).zone().getId();
        return handle(ticketId, now -> new Ticket.Command.Close(outcome, complaintId,
                channelsEducated == null ? List.of() : channelsEducated, zone, now));
    }

    /** Called by call-next, with the row it locked (the counter's branch named in the events already). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void call(UUID ticketId, String counterId) {
        aggregates.handle(Ticket.streamId(ticketId), Ticket.DECIDER, TicketEvent.class,
                new Ticket.Command.Call(counterId, clock.instant()));
    }

    private TicketView handle(UUID ticketId, Function<Instant, Ticket.Command> command) {
        events.at(get(ticketId).branch);
        aggregates.handle(Ticket.streamId(ticketId), Ticket.DECIDER, TicketEvent.class, command.apply(clock.instant()));
        return TicketView.findById(ticketId); // the projection updated it in this transaction
    }
}
