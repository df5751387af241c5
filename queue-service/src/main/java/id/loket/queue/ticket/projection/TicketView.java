package id.loket.queue.ticket.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Read model of a ticket, projected from its stream; also the waiting list call-next locks rows of. */
@Entity
@Table(name = "ticket_view")
public class TicketView extends PanacheEntityBase {
    @Id
    public UUID ticketId;
    public UUID visitId;
    public String number;
    public String branch;
    public String serviceType;
    public String source;
    public String priority;
    public LocalDate businessDate;
    public Instant issuedAt;
    /** The queue's order: issue time, or an appointment's slot start. */
    public Instant queuedAt;
    public String state;
    public String counterId;
    public Instant calledAt;
    public int recalls;
    public Instant startedAt;
    public Instant closedAt;
    public String outcome;
    public long version;
}
