package id.loket.queue.appointment.service;

import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.appointment.domain.Appointment;
import id.loket.queue.appointment.domain.AppointmentEvent;
import id.loket.queue.branch.domain.BranchCalendar;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.ServiceHours;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
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
import java.util.Optional;
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
    private final QueueConfig config;
    private final EntityManager em;
    private final Clock clock;

    AppointmentService(AggregateRepository aggregates, BranchSetup branches, TicketService tickets, QueueConfig config,
                       EntityManager em, Clock clock) {
        this.aggregates = aggregates;
        this.branches = branches;
        this.tickets = tickets;
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
        BranchCalendar calendar = branches.calendar(branchCode);
        Optional<ClosedDay> holiday = calendar.holiday(date);
        if (holiday.isPresent()) {
            throw new InvalidField("date", date.getDayOfWeek() + " " + date + " is a holiday of branch " + branchCode
                    + ": " + holiday.get().describe());
        }
        ServiceHours hours = calendar.hours();
        if (!hours.covers(date, start)) {
            throw new InvalidField("slot", "slot " + slot + " on " + date.getDayOfWeek() + " " + date
                    + " is outside the branch's service hours (" + hours.describe() + ")");
        }
        Instant now = clock.instant();
        Instant slotStartsAt = date.atTime(start).atZone(branch.zone()).toInstant();
        if (slotStartsAt.isBefore(now)) throw new InvalidField("slot", "has already started");
        Number booked = (Number) em.createNativeQuery("""
                INSERT INTO appointment_slot (branch_code, service_type, slot_date, slot, booked) VALUES (?1, ?2, ?3, ?4, 1)
                ON CONFLICT (branch_code, service_type, slot_date, slot) DO UPDATE SET booked = appointment_slot.booked + 1
                RETURNING booked""")
                .setParameter(1, branchCode).setParameter(2, serviceType).setParameter(3, date).setParameter(4, slot)
                .getSingleResult();
        if (booked.intValue() > config.appointmentSlotCapacity()) {
            throw new RuleViolation("slot " + date + " " + slot + " is FULL (" + config.appointmentSlotCapacity() + " places)");
        }
        UUID id = UUID.randomUUID();
        return aggregates.handle(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class,
                new Appointment.Command.Book(id, UUID.randomUUID(), branchCode, serviceType, date, slot, slotStartsAt, now)).state();
    }

    public Appointment get(UUID id) {
        var loaded = aggregates.load(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class);
        if (!loaded.exists()) throw new NotFound("no appointment " + id);
        return loaded.state();
    }

    @Transactional
    public TicketView checkIn(UUID id) {
        var loaded = aggregates.load(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class);
        if (!loaded.exists()) throw new NotFound("no appointment " + id);
        Appointment a = loaded.state();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, branches.branch(a.branch()).zone());
        // decide first (a refused check-in draws no ticket number), then issue, then record with the ticket
        Appointment.DECIDER.decide().apply(new Appointment.Command.CheckIn(null, null, today, now), a);
        // A holiday declared after the booking does not cancel it: the branch honours what it accepted (and can
        // tell the visitor). A booking made while the day was already a holiday cannot exist, since booking
        // refuses it, unless the holiday was removed and declared again after it: then the later declaration wins.
        Optional<ClosedDay> holiday = branches.calendar(a.branch()).holiday(today);
        if (holiday.isPresent() && (a.bookedAt() == null || !a.bookedAt().isBefore(holiday.get().declaredAt()))) {
            throw new RuleViolation("branch " + a.branch() + " is closed today for " + holiday.get().describe()
                    + "; this appointment was booked after the holiday was declared, so it does not check in");
        }
        UUID ticketId = UUID.randomUUID();
        Instant queuedAt = a.slotStartsAt().isBefore(now) ? a.slotStartsAt() : now;
        TicketView ticket = tickets.issue(ticketId, a.branch(), a.serviceType(), TicketSource.APPOINTMENT,
                Priority.NONE, a.visitId(), queuedAt);
        aggregates.handle(Appointment.streamId(id), Appointment.DECIDER, AppointmentEvent.class,
                new Appointment.Command.CheckIn(ticketId, ticket.number, today, now));
        return ticket;
    }
}
