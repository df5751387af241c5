package id.loket.queue.ticket.rest;

import id.loket.platform.security.BranchLookup;
import id.loket.queue.ticket.service.TicketService;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A ticket's branch, for the branch check (404 for no such ticket). The branch never changes (a transfer changes
 * the service type), so a check before the write holds for it.
 */
@ApplicationScoped
public class TicketBranch implements BranchLookup {

    private final TicketService tickets;

    TicketBranch(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public String branchOf(Object ticketId) {
        return tickets.get((UUID) ticketId).branch;
    }
}
