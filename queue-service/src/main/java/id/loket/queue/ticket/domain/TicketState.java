package id.loket.queue.ticket.domain;

/** Where a ticket is in the visit. */
public enum TicketState { WAITING, CALLED, SERVING, NO_SHOW, CLOSED, END_OF_DAY }
