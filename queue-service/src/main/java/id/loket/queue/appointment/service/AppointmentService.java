package id.loket.queue.appointment.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.queue.appointment.domain.Appointment;
import id.loket.queue.appointment.domain.AppointmentEvent;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.EventsOfBranch;
import id.loket.queue.branch.service.ServiceType;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.ticket.domain.Priority;
import id.loket.queue.ticket.domain.TicketSource;
import id.loket.queue.ticket.projection.TicketView;
import id.loket.queue.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Online queue bookings: a capacity per slot (taken in the booking's transaction, so a refused booking takes
 * no place), and a check-in on the day that issues a ticket queued at the slot's start: ahead of walk-ins
 * whose tickets are later than the slot start (or at check-in time, if the visitor is early).
 */
@ApplicationScoped
public class AppointmentService {

    private final AggregateRepository aggregates;
    private final BranchSetup branches;
    private final TicketService tickets;
    private final EventsOfBranch events;
    private final QueueConfig config;
    private final EntityManager em;
    private final Clock clock;

    AppointmentService(AggregateRepository aggregates, BranchSetup branches, TicketService tickets, EventsOfBranch events,
                       QueueConfig config, EntityManager em, Clock clock) {
        this.aggregates = aggregates;
        this.branches = branches;
        this.tickets = tickets;
        this.events = events;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** A slot must start within the branch's service hours on its date (a branch without hours takes any slot). */
    @Transactional
    public Appointment book(String branchCode, String serviceType, LocalDate date, String slot) {
        Branch branch = branches.branch(branchCode);
        if (ServiceType.of(branchCode, serviceType).isEmpty()) {
            throw new InvalidField("serviceType", "branch " + branchCode + " has no service type " + serviceType);
        }
        LocalTime start;
        try {
            start = LocalTime.parse(slot);
        } catch (DateTimeParseException e) {
            throw new InvalidField("slot", "must be a local time, HH:mm");
        }
        // the slot's place is taken in the booking's transaction: a refused booking gives it back
        Number taken = (Number) em.createNativeQuery("""
                INSERT INTO appointment_slot (branch_code, service_type, slot_date, slot, booked) VALUES (?1, ?2, ?3, ?4, 1)
                ON CONFLICT (branch_code, service_type, slot_date, slot) DO UPDATE SET booked = appointment_slot.booked + 1
                RETURNING booked""")
                .setParameter(1, branchCode).setParameter(2, serviceType).setParameter(3, date).setParameter(4, slot)
                .getSingleResult();
        events.at(branchCode);
        UUID id = UUID.randomUUID();
        return aggregates.create(Appointment.streamId(id), Appointment.DECIDER, new Appointment.Command.Book(id,
                UUID.randomUUID(), branchCode, serviceType, date, slot, start, branch.zone(), branches.calendar(branchCode),
                taken.intValue(), config.appointmentSlotCapacity(), clock.instant())).state();
    }

    public Appointment get(UUID id) {
        var loaded = aggregates.load(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class);
        if (!loaded.exists()) throw new NotFound("no appointment " + id);
        return loaded.state();
    }

    @Transactional
    public TicketView checkIn(UUID id) {
        Appointment a = get(id);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, branches.branch(a.branch()).zone());
        ClosedDay holiday = branches.calendar(a.branch()).holiday(today).orElse(null);
        events.at(a.branch());
        // decided first without its ticket (a refused check-in draws no ticket number), then issued, then recorded with it
        Appointment.DECIDER.decide().apply(new Appointment.Command.CheckIn(null, null, today, holiday, now), a);
        UUID ticketId = UUID.randomUUID();
        TicketView ticket = tickets.issue(ticketId, a.branch(), a.serviceType(), TicketSource.APPOINTMENT,
                Priority.NONE, a.visitId(), a.slotStartsAt());
        aggregates.handle(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class,
                new Appointment.Command.CheckIn(ticketId, ticket.number, today, holiday, now));
        return ticket;
    }
}
