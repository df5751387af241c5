package id.loket.queue.ticket.domain;

/** Where a ticket came from. */
public enum TicketSource { SCREENING, KIOSK, APPOINTMENT }
