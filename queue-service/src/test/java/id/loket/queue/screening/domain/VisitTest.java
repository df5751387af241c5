package id.loket.queue.screening.domain;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import id.loket.queue.screening.domain.Visit.Command;
import id.loket.queue.screening.domain.Visit.Decision;
import id.loket.queue.screening.domain.VisitEvent.VisitorScreened;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A screening's rules, pure: the officer's outcome against the suggestion, a ticket exactly for a TICKET outcome. */
class VisitTest {

    static final UUID VISIT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    static final LocalDate DAY = LocalDate.parse("2026-11-26");
    static final Instant AT = Instant.parse("2026-11-26T02:00:00Z");
    static final MembershipAnswer SUSPENDED = MembershipAnswer.of("SUSPENDED", 3, 105_000L, "1234", "LOCAL_COPY");
    static final MembershipAnswer ACTIVE = MembershipAnswer.of("ACTIVE", null, null, "1234", "LOCAL_COPY");
    static final Decision AS_SUGGESTED = new Decision(null, null, null);

    final DeciderSpec<Command, VisitEvent, Visit> visit = DeciderSpec.of(Visit.DECIDER);

    static Command.Screen screen(Purpose purpose, MembershipAnswer m, Decision d, UUID ticketId, String number) {
        return new Command.Screen(VISIT, "SDA", purpose, m, d, ticketId, number, DAY, AT);
    }

    @Test
    void theSuggestionIsTheOutcomeWhenTheOfficerGivesNoneAndTheTicketIsRecordedWithIt() {
        // a suspended visitor is sent to the payments counter first, with what the door saw of the arrears
        Visit v = visit.given().when(screen(Purpose.PRINT_CARD, SUSPENDED, AS_SUGGESTED, TICKET, "C-001"))
                .then(new VisitorScreened(VISIT, "SDA", Purpose.PRINT_CARD, "SUSPENDED", 3, 105_000L, "LOCAL_COPY", "1234",
                        ScreeningOutcome.TICKET, ScreeningOutcome.TICKET, null, "C", TICKET, "C-001", DAY, AT));
        assertThat(v.exists()).isTrue();
        assertThat(v.ticketId()).isEqualTo(TICKET);
    }

    @Test
    void theOfficerMayDecideOtherwiseAndTheSuggestionIsStillRecorded() {
        visit.given().when(screen(Purpose.STATUS_CHECK, ACTIVE, new Decision(ScreeningOutcome.ANSWERED_ON_SPOT, "A", Channel.PANDAWA), null, null))
                .then(new VisitorScreened(VISIT, "SDA", Purpose.STATUS_CHECK, "ACTIVE", null, null, "LOCAL_COPY", "1234",
                        ScreeningOutcome.DIRECTED_TO_DIGITAL, ScreeningOutcome.ANSWERED_ON_SPOT, null, null, null, null, DAY, AT));
        visit.given().when(screen(Purpose.INFORMATION, ACTIVE, new Decision(ScreeningOutcome.DIRECTED_TO_DIGITAL, null, Channel.PANDAWA), null, null))
                .then(new VisitorScreened(VISIT, "SDA", Purpose.INFORMATION, "ACTIVE", null, null, "LOCAL_COPY", "1234",
                        ScreeningOutcome.ANSWERED_ON_SPOT, ScreeningOutcome.DIRECTED_TO_DIGITAL, Channel.PANDAWA, null, null, null, DAY, AT));
    }

    @Test
    void aTicketOutcomeNeedsAServiceTypeAndADigitalOneAChannel() {
        Suggestion spot = Suggestion.of(Purpose.INFORMATION, "ACTIVE");
        assertThat(visit.given().when(screen(Purpose.INFORMATION, ACTIVE, new Decision(ScreeningOutcome.TICKET, null, null), TICKET, "A-001"))
                .thenViolates(InvalidField.class, "is needed for a TICKET outcome").field()).isEqualTo("serviceType");
        assertThat(visit.given().when(screen(Purpose.INFORMATION, ACTIVE, new Decision(ScreeningOutcome.DIRECTED_TO_DIGITAL, null, null), null, null))
                .thenViolates(InvalidField.class, "is needed for a DIRECTED_TO_DIGITAL outcome").field()).isEqualTo("channel");
        assertThat(Visit.resolve(spot, new Decision(ScreeningOutcome.TICKET, "B", Channel.PANDAWA)))
                .isEqualTo(new Decision(ScreeningOutcome.TICKET, "B", null));
    }

    @Test
    void aTicketIsRecordedExactlyForATicketOutcome() {
        visit.given().when(screen(Purpose.COMPLAINT, ACTIVE, AS_SUGGESTED, null, null))
                .thenViolates(RuleViolation.class, "a TICKET outcome is recorded with its ticket");
        visit.given().when(screen(Purpose.INFORMATION, ACTIVE, AS_SUGGESTED, TICKET, "A-001"))
                .thenViolates(RuleViolation.class, "a ANSWERED_ON_SPOT outcome has no ticket");
    }

    @Test
    void aVisitIsScreenedOnce() {
        VisitorScreened screened = new VisitorScreened(VISIT, "SDA", Purpose.INFORMATION, "ACTIVE", null, null, "LOCAL_COPY",
                "1234", ScreeningOutcome.ANSWERED_ON_SPOT, ScreeningOutcome.ANSWERED_ON_SPOT, null, null, null, null, DAY, AT);
        visit.given(screened).when(screen(Purpose.INFORMATION, ACTIVE, AS_SUGGESTED, null, null))
                .thenViolates(RuleViolation.class, "is already screened");
    }
}
