package id.loket.queue.ticket.domain;

import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.ticket.domain.Ticket.Command;
import id.loket.queue.ticket.domain.TicketEvent.ServiceStarted;
import id.loket.queue.ticket.domain.TicketEvent.TicketCalled;
import id.loket.queue.ticket.domain.TicketEvent.TicketCarriedOver;
import id.loket.queue.ticket.domain.TicketEvent.TicketClosedAtEndOfDay;
import id.loket.queue.ticket.domain.TicketEvent.TicketIssued;
import id.loket.queue.ticket.domain.TicketEvent.TicketMarkedNoShow;
import id.loket.queue.ticket.domain.TicketEvent.TicketRecalled;
import id.loket.queue.ticket.domain.TicketEvent.TicketReturnedToQueue;
import id.loket.queue.ticket.domain.TicketEvent.TicketTransferred;
import id.loket.queue.ticket.domain.TicketEvent.VisitClosed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A ticket's rules, pure: issue (numbering, queue place), call, recall, no-show, return, start, transfer, close, end of day. */
class TicketTest {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID VISIT = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final LocalDate DAY = LocalDate.parse("2026-11-26");
    static final LocalDate NEXT = LocalDate.parse("2026-11-27");
    static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(2);

    final DeciderSpec<Command, TicketEvent, Ticket> ticket = DeciderSpec.of(Ticket.DECIDER);

    static Command.Issue issue(TicketSource source, Priority priority, Instant slotStartsAt) {
        return new Command.Issue(ID, VISIT, "SDA", "A", "A", 7, source, priority, DAY, AT, slotStartsAt);
    }

    static final TicketIssued ISSUED = new TicketIssued(ID, VISIT, "A-007", "SDA", "A", TicketSource.KIOSK,
            Priority.NONE, DAY, AT, AT);
    static final Instant CALLED_AT = AT.plusSeconds(600);
    static final TicketCalled CALLED = new TicketCalled(ID, VISIT, "A-007", "SDA", "SDA-1", "A", CALLED_AT);
    static final Instant STARTED_AT = CALLED_AT.plusSeconds(60);
    static final ServiceStarted STARTED = new ServiceStarted(ID, VISIT, "SDA", "SDA-1", STARTED_AT);
    static final TicketRecalled RECALLED_ONCE = new TicketRecalled(ID, VISIT, "SDA", "SDA-1", 1, CALLED_AT.plus(GRACE));
    static final TicketRecalled RECALLED_TWICE = new TicketRecalled(ID, VISIT, "SDA", "SDA-1", 2, CALLED_AT.plus(GRACE.multipliedBy(2)));
    static final TicketMarkedNoShow NO_SHOW = new TicketMarkedNoShow(ID, VISIT, "SDA", "SDA-1", 2, CALLED_AT.plus(GRACE.multipliedBy(3)));

    @Test
    void issuingNumbersTheTicketFromThePrefixAndTheDrawnSequenceAndQueuesItAtItsIssue() {
        Ticket t = ticket.given().when(issue(TicketSource.KIOSK, null, null)).then(ISSUED);
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        assertThat(t.priority()).isEqualTo(Priority.NONE);
        assertThat(Ticket.number("B", 12)).isEqualTo("B-012");
        assertThat(Ticket.number("C", 1234)).isEqualTo("C-1234");
    }

    @Test
    void aPriorityVisitorKeepsThePriority() {
        ticket.given().when(issue(TicketSource.SCREENING, Priority.ELDERLY, null))
                .then(new TicketIssued(ID, VISIT, "A-007", "SDA", "A", TicketSource.SCREENING, Priority.ELDERLY, DAY, AT, AT));
    }

    @Test
    void anAppointmentsTicketIsQueuedAtTheSlotStartWhenThatIsEarlierAndAtCheckInWhenLate() {
        Instant slot = AT.minusSeconds(900);
        ticket.given().when(issue(TicketSource.APPOINTMENT, null, slot))
                .then(new TicketIssued(ID, VISIT, "A-007", "SDA", "A", TicketSource.APPOINTMENT, Priority.NONE, DAY, AT, slot));
        ticket.given().when(issue(TicketSource.APPOINTMENT, null, AT.plusSeconds(900)))
                .then(new TicketIssued(ID, VISIT, "A-007", "SDA", "A", TicketSource.APPOINTMENT, Priority.NONE, DAY, AT, AT));
    }

    @Test
    void onlyAnAppointmentsTicketHasASlotAndNumbersStartAtOne() {
        ticket.given().when(issue(TicketSource.KIOSK, null, AT.minusSeconds(60)))
                .thenViolates(RuleViolation.class, "only an appointment's ticket is queued at a slot's start");
        ticket.given().when(new Command.Issue(ID, VISIT, "SDA", "A", "A", 0, TicketSource.KIOSK, null, DAY, AT, null))
                .thenViolates(RuleViolation.class, "start at 1");
    }

    @Test
    void aTicketIsIssuedOnceAndEveryOtherCommandNeedsAnIssuedTicket() {
        ticket.given(ISSUED).when(issue(TicketSource.KIOSK, null, null)).thenViolates(RuleViolation.class, "already issued");
        List<Command> others = List.of(new Command.Call("SDA-1", AT), new Command.Recall(GRACE, AT),
                new Command.MarkNoShow(2, GRACE, AT), new Command.ReturnToQueue("x", AT), new Command.Start(AT),
                new Command.Transfer("B", AT), new Command.Close("SERVED", null, List.of(), "Asia/Jakarta", AT),
                new Command.EndOfDay(EndOfDayPolicy.CLOSE, DAY, NEXT, AT));
        for (Command c : others) ticket.given().when(c).thenViolates(RuleViolation.class, "no such ticket");
    }

    @Test
    void aWaitingTicketIsCalledToACounterAndOnlyAWaitingOne() {
        Ticket t = ticket.given(ISSUED).when(new Command.Call("SDA-1", CALLED_AT)).then(CALLED);
        assertThat(t.state()).isEqualTo(TicketState.CALLED);
        assertThat(t.counterId()).isEqualTo("SDA-1");
        ticket.given(ISSUED, CALLED).when(new Command.Call("SDA-2", CALLED_AT))
                .thenViolates(RuleViolation.class, "A-007 is CALLED; cannot call (needs WAITING)");
    }

    @Test
    void aCalledTicketIsRecalledOnceTheGracePeriodIsOver() {
        ticket.given(ISSUED, CALLED).when(new Command.Recall(GRACE, CALLED_AT.plus(GRACE))).then(RECALLED_ONCE);
        ticket.given(ISSUED, CALLED).when(new Command.Recall(GRACE, CALLED_AT.plusSeconds(30)))
                .thenViolates(RuleViolation.class, "before the grace period of 120 s is over");
        ticket.given(ISSUED).when(new Command.Recall(GRACE, AT)).thenViolates(RuleViolation.class, "cannot recall (needs CALLED)");
    }

    @Test
    void aNoShowComesAfterTheRequiredRecallsAndTheirGracePeriod() {
        Instant later = CALLED_AT.plus(GRACE.multipliedBy(3));
        ticket.given(ISSUED, CALLED, RECALLED_ONCE, RECALLED_TWICE).when(new Command.MarkNoShow(2, GRACE, later)).then(NO_SHOW);
        ticket.given(ISSUED, CALLED, RECALLED_ONCE).when(new Command.MarkNoShow(2, GRACE, later))
                .thenViolates(RuleViolation.class, "recalled 1 time(s); 2 recall(s) come before a no-show");
        ticket.given(ISSUED, CALLED, RECALLED_ONCE, RECALLED_TWICE)
                .when(new Command.MarkNoShow(2, GRACE, RECALLED_TWICE.recalledAt().plusSeconds(10)))
                .thenViolates(RuleViolation.class, "cannot mark as no-show before the grace period");
        ticket.given(ISSUED).when(new Command.MarkNoShow(0, GRACE, later)).thenViolates(RuleViolation.class, "needs CALLED");
    }

    @Test
    void aNoShowVisitorWhoCameBackReturnsToTheQueueAndOnlyANoShow() {
        Instant back = NO_SHOW.markedAt().plusSeconds(300);
        Ticket t = ticket.given(ISSUED, CALLED, RECALLED_ONCE, RECALLED_TWICE, NO_SHOW)
                .when(new Command.ReturnToQueue("supervisor", back))
                .then(new TicketReturnedToQueue(ID, VISIT, "SDA", "supervisor", back));
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        assertThat(t.counterId()).isNull();
        ticket.given(ISSUED).when(new Command.ReturnToQueue("s", back)).thenViolates(RuleViolation.class, "needs NO_SHOW");
    }

    @Test
    void serviceStartsForACalledTicketOnly() {
        ticket.given(ISSUED, CALLED).when(new Command.Start(STARTED_AT)).then(STARTED);
        ticket.given(ISSUED).when(new Command.Start(STARTED_AT)).thenViolates(RuleViolation.class, "cannot start service (needs CALLED)");
    }

    @Test
    void aCalledOrServedTicketIsTransferredToAnotherServiceTypeAndWaitsAgain() {
        Instant at = STARTED_AT.plusSeconds(120);
        Ticket t = ticket.given(ISSUED, CALLED, STARTED).when(new Command.Transfer("B", at))
                .then(new TicketTransferred(ID, VISIT, "SDA", "A", "B", "SDA-1", at));
        assertThat(t.serviceType()).isEqualTo("B");
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        ticket.given(ISSUED, CALLED).when(new Command.Transfer("A", at))
                .thenViolates(RuleViolation.class, "already for service type A");
        ticket.given(ISSUED).when(new Command.Transfer("B", at)).thenViolates(RuleViolation.class, "cannot transfer");
    }

    @Test
    void aServedVisitClosesWithHowLongItWaitedAndWasServed() {
        Instant closed = STARTED_AT.plusSeconds(300);
        ticket.given(ISSUED, CALLED, STARTED)
                .when(new Command.Close("SERVED", "CMP-1", List.of("MOBILE_JKN"), "Asia/Jakarta", closed))
                .then(new VisitClosed(VISIT, ID, "A-007", "SDA", "SDA-1", "A", TicketSource.KIOSK, Priority.NONE, AT,
                        CALLED_AT, STARTED_AT, closed, 600, 300, "SERVED", "CMP-1", List.of("MOBILE_JKN"), "Asia/Jakarta"));
        ticket.given(ISSUED, CALLED).when(new Command.Close("SERVED", null, List.of(), "Asia/Jakarta", closed))
                .thenViolates(RuleViolation.class, "cannot close (needs SERVING)");
    }

    @Test
    void atEndOfDayAClosingBranchClosesWaitingAndCalledTickets() {
        Instant at = AT.plusSeconds(8 * 3600);
        Command close = new Command.EndOfDay(EndOfDayPolicy.CLOSE, DAY, NEXT, at);
        TicketClosedAtEndOfDay closed = new TicketClosedAtEndOfDay(ID, VISIT, "A-007", "SDA", "A", DAY, at);
        assertThat(ticket.given(ISSUED).when(close).then(closed).state()).isEqualTo(TicketState.END_OF_DAY);
        ticket.given(ISSUED, CALLED).when(close).then(closed);
        ticket.given(ISSUED, CALLED, STARTED).when(close).thenViolates(RuleViolation.class, "cannot close at end of day");
    }

    @Test
    void atEndOfDayABranchThatKeepsItsQueueCarriesWaitingTicketsOverOnly() {
        Instant at = AT.plusSeconds(8 * 3600);
        Command carry = new Command.EndOfDay(EndOfDayPolicy.CARRY_OVER, DAY, NEXT, at);
        Ticket t = ticket.given(ISSUED).when(carry).then(new TicketCarriedOver(ID, VISIT, "A-007", "SDA", DAY, NEXT, at));
        assertThat(t.state()).isEqualTo(TicketState.WAITING);
        ticket.given(ISSUED, CALLED).when(carry).thenViolates(RuleViolation.class, "cannot carry over to the next day");
    }
}
