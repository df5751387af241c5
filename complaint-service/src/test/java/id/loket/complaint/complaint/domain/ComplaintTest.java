package id.loket.complaint.complaint.domain;

import id.loket.complaint.reference.domain.Category;
import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.complaint.complaint.domain.Complaint.Command;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintEscalated;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintRegistered;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintReopened;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintResolved;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintResponded;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintSlaBreached;
import id.loket.complaint.complaint.domain.ComplaintEvent.DocumentReceived;
import id.loket.complaint.complaint.domain.ComplaintEvent.DocumentsVerified;
import id.loket.complaint.complaint.domain.ComplaintEvent.EducationRecorded;
import id.loket.complaint.complaint.domain.ComplaintEvent.MembershipActionRecorded;
import id.loket.complaint.complaint.domain.ComplaintEvent.ResolutionPaused;
import id.loket.complaint.complaint.domain.ComplaintEvent.ResolutionResumed;
import id.loket.complaint.complaint.domain.ComplaintEvent.VisitLinked;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A complaint's rules, pure: documents and their verification, the first response, pausing the resolution clock,
 * escalation, resolution, reopening within the window, and the facts recorded beside them.
 */
class ComplaintTest {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Monday to Friday, 08:00–15:00 WIB, no holidays. */
    static final WorkingCalendar CALENDAR = calendar();
    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000e6");
    static final String REF = "SDA-20260302-0001";
    static final Duration WINDOW = Duration.ofDays(30);

    static WorkingCalendar calendar() {
        Map<DayOfWeek, WorkingCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, new WorkingCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(15, 0)));
        }
        return new WorkingCalendar(WIB, hours, Set.of());
    }

    static Instant wib(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WIB).toInstant();
    }

    static final Instant REGISTERED_AT = wib("2026-03-02T09:00"); // a Monday
    static final Instant FIRST_RESPONSE_DUE = wib("2026-03-03T15:00");
    static final Instant RESOLUTION_DUE = wib("2026-03-06T15:00");

    static ComplaintRegistered registered(List<String> requiredDocuments) {
        return new ComplaintRegistered(ID, REF, "SDA", "DEATH_REPORT", "GREEN", Channel.COUNTER, requiredDocuments, "BRANCH_HEAD",
                5, null, "visit-1", "C1", null, null, "the participant died", true, REGISTERED_AT, LocalDate.parse("2026-03-02"),
                FIRST_RESPONSE_DUE, RESOLUTION_DUE);
    }

    static final ComplaintRegistered REGISTERED = registered(List.of("DEATH_CERTIFICATE", "ID_CARD|JKN_CARD"));
    static final ComplaintRegistered NO_DOCUMENTS = registered(List.of());
    static final Instant RESOLVED_AT = wib("2026-03-05T10:00");
    static final ComplaintResolved RESOLVED = new ComplaintResolved(ID, REF, "SDA", "DEATH_REPORT", "deactivated", "DEACTIVATION",
            RESOLVED_AT, true);
    static final Instant PAUSED_AT = wib("2026-03-02T10:00");
    static final ResolutionPaused PAUSED = new ResolutionPaused(ID, REF, "SDA", "DEATH_REPORT", "waiting for the certificate", PAUSED_AT);

    final DeciderSpec<Command, ComplaintEvent, Complaint> complaint = DeciderSpec.of(Complaint.DECIDER);

    /** The category as reference data has it: respond within 780 service-hours minutes, resolve within 4 working days. */
    static final Category DEATH_REPORT = new Category("DEATH_REPORT", "Death report",
            List.of("DEATH_CERTIFICATE", "ID_CARD|JKN_CARD"), "GREEN", 780, 4, "BRANCH_HEAD", "DEACTIVATION");

    static Command.Register register(Instant at) {
        return new Command.Register(ID, REF, Channel.COUNTER, "SDA", DEATH_REPORT, CALENDAR, null, "visit-1", "C1", null,
                null, "  the participant died \n", true, at);
    }

    static ComplaintRegistered registeredAt(Instant at, LocalDate businessDate, Instant firstResponseDue, Instant resolutionDue) {
        return new ComplaintRegistered(ID, REF, "SDA", "DEATH_REPORT", "GREEN", Channel.COUNTER,
                List.of("DEATH_CERTIFICATE", "ID_CARD|JKN_CARD"), "BRANCH_HEAD", 4, null, "visit-1", "C1", null, null,
                "the participant died", true, at, businessDate, firstResponseDue, resolutionDue);
    }

    @Test
    void registrationOpensTheComplaintWithItsVisitAndItsDueTimesFromTheCategoryAndCalendar() {
        // Monday 09:00: six service hours on Monday and seven on Tuesday make the 780 minutes; four working days
        // after Monday end at Friday's close
        Complaint c = complaint.given().when(register(REGISTERED_AT))
                .then(registeredAt(REGISTERED_AT, LocalDate.parse("2026-03-02"), FIRST_RESPONSE_DUE, RESOLUTION_DUE));
        assertThat(c.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(c.missingDocuments()).containsExactly("DEATH_CERTIFICATE", "ID_CARD or JKN_CARD");
        assertThat(c.linkedVisits()).containsExactly("visit-1");
    }

    @Test
    void aComplaintArrivingAfterClosingIsTakenInOnTheNextWorkingDay() {
        Instant evening = wib("2026-03-02T16:00"); // Monday after closing: the clocks start on Tuesday at 08:00
        complaint.given().when(register(evening))
                .then(registeredAt(evening, LocalDate.parse("2026-03-02"), wib("2026-03-04T14:00"), wib("2026-03-09T15:00")));
    }

    @Test
    void aComplaintIsRegisteredOnce() {
        complaint.given(REGISTERED).when(register(REGISTERED_AT)).thenViolates(RuleViolation.class, "already exists");
    }

    @Test
    void everyOtherCommandNeedsARegisteredComplaint() {
        Instant at = REGISTERED_AT;
        List<Command> commands = List.of(new Command.ReceiveDocument("ID_CARD", "1234", at), new Command.Respond("m", at, at),
                new Command.Pause("p", at), new Command.Resume(at, CALENDAR), new Command.Escalate("HQ", "r", "STAFF", at),
                new Command.Resolve("r", "a", at), new Command.Reopen("r", at, WINDOW, CALENDAR),
                new Command.RecordEducation(List.of("PANDAWA"), at), new Command.LinkVisit("v", "A001", "C1", at, at),
                new Command.RecordMembershipAction("DEACTIVATED", "p", "DECEASED", LocalDate.parse("2026-03-01"), at));
        for (Command c : commands) complaint.given().when(c).thenViolates(NotFound.class, "no such complaint");
    }

    @Test
    void aDocumentIsRecordedByItsLastFourDigitsAndTheLastRequiredOneVerifiesThem() {
        Instant first = wib("2026-03-02T09:30"), second = wib("2026-03-02T09:40");
        var certificate = new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "DEATH_CERTIFICATE", "7890", first);
        Complaint one = complaint.given(REGISTERED).when(new Command.ReceiveDocument("DEATH_CERTIFICATE", " 3515-0123-4567890 ", first))
                .then(certificate);
        assertThat(one.missingDocuments()).containsExactly("ID_CARD or JKN_CARD");
        Complaint both = complaint.given(REGISTERED, certificate).when(new Command.ReceiveDocument("JKN_CARD", "12", second))
                .then(new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "JKN_CARD", "12", second),
                        new DocumentsVerified(ID, REF, "SDA", "DEATH_REPORT", List.of("DEATH_CERTIFICATE", "JKN_CARD"), second));
        assertThat(both.documentsVerified()).isTrue();
        assertThat(both.missingDocuments()).isEmpty();
    }

    @Test
    void documentsAreNotVerifiedTwiceNorForACategoryThatNeedsNone() {
        Instant at = wib("2026-03-02T09:30");
        complaint.given(NO_DOCUMENTS).when(new Command.ReceiveDocument("ID_CARD", null, at))
                .then(new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "ID_CARD", null, at));
        var verified = new DocumentsVerified(ID, REF, "SDA", "DEATH_REPORT", List.of("DEATH_CERTIFICATE", "ID_CARD"), at);
        complaint.given(REGISTERED, new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "DEATH_CERTIFICATE", null, at),
                        new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "ID_CARD", null, at), verified)
                .when(new Command.ReceiveDocument("JKN_CARD", "5555", at))
                .then(new DocumentReceived(ID, REF, "SDA", "DEATH_REPORT", "JKN_CARD", "5555", at));
    }

    @Test
    void theFirstResponseIsRecordedOnceWithWhetherItMetItsDeadline() {
        Instant late = FIRST_RESPONSE_DUE.plusSeconds(1);
        complaint.given(REGISTERED).when(new Command.Respond("we are on it", FIRST_RESPONSE_DUE, FIRST_RESPONSE_DUE))
                .then(new ComplaintResponded(ID, REF, "SDA", "DEATH_REPORT", "we are on it", FIRST_RESPONSE_DUE, true));
        var responded = new ComplaintResponded(ID, REF, "SDA", "DEATH_REPORT", "late", late, false);
        Complaint c = complaint.given(REGISTERED).when(new Command.Respond("late", late, FIRST_RESPONSE_DUE)).then(responded);
        assertThat(c.respondedAt()).isEqualTo(late);
        complaint.given(REGISTERED, responded).when(new Command.Respond("again", late, FIRST_RESPONSE_DUE))
                .thenViolates(RuleViolation.class, "has already had its first response");
    }

    @Test
    void onlyAnOpenComplaintIsPausedAndOnlyAPausedOneResumedWithItsDueTimeMovedOn() {
        Complaint paused = complaint.given(REGISTERED).when(new Command.Pause("waiting for the certificate", PAUSED_AT)).then(PAUSED);
        assertThat(paused.status()).isEqualTo(ComplaintStatus.PAUSED);
        complaint.given(REGISTERED, PAUSED).when(new Command.Pause("again", PAUSED_AT))
                .thenViolates(RuleViolation.class, "is PAUSED: only an open complaint can be paused");
        complaint.given(REGISTERED).when(new Command.Resume(PAUSED_AT, CALENDAR))
                .thenViolates(RuleViolation.class, "is OPEN: only a paused complaint can be resumed");

        // paused Monday 10:00 to Tuesday 10:00: 5 + 2 working hours; Friday 15:00 + 7 h is Monday 15:00
        Instant resumedAt = wib("2026-03-03T10:00");
        Complaint resumed = complaint.given(REGISTERED, PAUSED).when(new Command.Resume(resumedAt, CALENDAR))
                .then(new ResolutionResumed(ID, REF, "SDA", "DEATH_REPORT", resumedAt, 7 * 3600, wib("2026-03-09T15:00")));
        assertThat(resumed.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(resumed.resolutionDueAt()).isEqualTo(wib("2026-03-09T15:00"));
    }

    @Test
    void anEscalationIsOncePerUnitAndTheLaddersRepeatIsANoOp() {
        Instant at = wib("2026-03-04T09:00");
        var escalated = new ComplaintEscalated(ID, REF, "SDA", "DEATH_REPORT", "BRANCH_HEAD", "overdue", "SLA_LADDER", at);
        Complaint c = complaint.given(REGISTERED).when(new Command.Escalate("BRANCH_HEAD", "overdue", "SLA_LADDER", at)).then(escalated);
        assertThat(c.escalatedTo()).containsExactly("BRANCH_HEAD");
        complaint.given(REGISTERED, escalated).when(new Command.Escalate("BRANCH_HEAD", "overdue", "SLA_LADDER", at)).thenNothing();
        complaint.given(REGISTERED, escalated).when(new Command.Escalate("BRANCH_HEAD", "please", "STAFF", at))
                .thenViolates(RuleViolation.class, "is already escalated to BRANCH_HEAD");
        complaint.given(REGISTERED, escalated).when(new Command.Escalate("REGIONAL_OFFICE", "still open", "STAFF", at))
                .then(new ComplaintEscalated(ID, REF, "SDA", "DEATH_REPORT", "REGIONAL_OFFICE", "still open", "STAFF", at));
    }

    @Test
    void aComplaintIsResolvedWithItsDocumentsWhileOpenWithWhetherItMetTheDeadline() {
        Complaint c = complaint.given(NO_DOCUMENTS).when(new Command.Resolve("deactivated", "DEACTIVATION", RESOLVED_AT)).then(RESOLVED);
        assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLVED);
        Instant late = RESOLUTION_DUE.plusSeconds(60);
        complaint.given(NO_DOCUMENTS).when(new Command.Resolve("done", "NONE", late))
                .then(new ComplaintResolved(ID, REF, "SDA", "DEATH_REPORT", "done", "NONE", late, false));
        complaint.given(REGISTERED).when(new Command.Resolve("done", "NONE", RESOLVED_AT))
                .thenViolates(RuleViolation.class, "cannot be resolved: missing documents: DEATH_CERTIFICATE, ID_CARD or JKN_CARD");
        complaint.given(NO_DOCUMENTS, PAUSED).when(new Command.Resolve("done", "NONE", RESOLVED_AT))
                .thenViolates(RuleViolation.class, "is paused: resume it before resolving");
    }

    @Test
    void aResolvedComplaintTakesNoDocumentsResponsesEscalationsOrSecondResolution() {
        Instant at = RESOLVED_AT.plusSeconds(60);
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.ReceiveDocument("ID_CARD", null, at))
                .thenViolates(RuleViolation.class, "cannot receive documents for complaint " + REF + ": it is resolved");
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Respond("m", at, at))
                .thenViolates(RuleViolation.class, "cannot respond to complaint");
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Escalate("HQ", "r", "STAFF", at))
                .thenViolates(RuleViolation.class, "cannot escalate complaint");
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Resolve("again", "NONE", at))
                .thenViolates(RuleViolation.class, "cannot resolve complaint");
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Pause("p", at))
                .thenViolates(RuleViolation.class, "is RESOLVED: only an open complaint can be paused");
    }

    @Test
    void aResolvedComplaintIsReopenedWithinTheWindowWithAFreshDeadlineAndLadder() {
        var escalated = new ComplaintEscalated(ID, REF, "SDA", "DEATH_REPORT", "BRANCH_HEAD", "overdue", "SLA_LADDER", RESOLVED_AT);
        Instant at = wib("2026-03-11T10:00"); // a Wednesday: five working days end on the next Wednesday's close
        Complaint c = complaint.given(NO_DOCUMENTS, escalated, RESOLVED).when(new Command.Reopen("not deactivated after all", at, WINDOW, CALENDAR))
                .then(new ComplaintReopened(ID, REF, "SDA", "DEATH_REPORT", "not deactivated after all", at, wib("2026-03-18T15:00")));
        assertThat(c.status()).isEqualTo(ComplaintStatus.OPEN);
        assertThat(c.escalatedTo()).isEmpty();
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Reopen("r", RESOLVED_AT.plus(WINDOW), WINDOW, CALENDAR))
                .thenEvents(events -> assertThat(events).singleElement().isInstanceOf(ComplaintReopened.class));
    }

    @Test
    void onlyAResolvedComplaintIsReopenedAndNotAfterTheWindow() {
        complaint.given(NO_DOCUMENTS).when(new Command.Reopen("r", RESOLVED_AT, WINDOW, CALENDAR))
                .thenViolates(RuleViolation.class, "is not resolved");
        complaint.given(NO_DOCUMENTS, RESOLVED).when(new Command.Reopen("r", RESOLVED_AT.plus(WINDOW).plusSeconds(1), WINDOW, CALENDAR))
                .thenViolates(RuleViolation.class, "it can be reopened only within 30 days of its resolution; register a new complaint");
    }

    @Test
    void educationAndMembershipActionsAreRecordedAsTheyCome() {
        Instant at = wib("2026-03-02T11:00");
        complaint.given(REGISTERED).when(new Command.RecordEducation(List.of("PANDAWA", "MOBILE_JKN"), at))
                .then(new EducationRecorded(ID, REF, "SDA", "DEATH_REPORT", List.of("PANDAWA", "MOBILE_JKN"), at));
        Complaint after = complaint.given(NO_DOCUMENTS, RESOLVED)
                .when(new Command.RecordMembershipAction("DEACTIVATED", "p-1", "DECEASED", LocalDate.parse("2026-03-01"), at))
                .then(new MembershipActionRecorded(ID, REF, "SDA", "DEATH_REPORT", "DEACTIVATED", "p-1", "DECEASED",
                        LocalDate.parse("2026-03-01"), at));
        assertThat(after.status()).isEqualTo(ComplaintStatus.RESOLVED);
    }

    @Test
    void aVisitIsLinkedOnce() {
        Instant closed = wib("2026-03-02T10:30"), at = wib("2026-03-02T10:31");
        var linked = new VisitLinked(ID, REF, "SDA", "DEATH_REPORT", "visit-2", "A002", "C2", closed, at);
        Complaint c = complaint.given(REGISTERED).when(new Command.LinkVisit("visit-2", "A002", "C2", closed, at)).then(linked);
        assertThat(c.linkedVisits()).containsExactlyInAnyOrder("visit-1", "visit-2");
        complaint.given(REGISTERED, linked).when(new Command.LinkVisit("visit-2", "A002", "C2", closed, at)).thenNothing();
        complaint.given(REGISTERED).when(new Command.LinkVisit("visit-1", "A001", "C1", closed, at)).thenNothing();
    }

    @Test
    void anSlaBreachLeavesTheComplaintAsItIs() {
        Complaint before = complaint.given(REGISTERED).state();
        assertThat(complaint.given(REGISTERED, new ComplaintSlaBreached(ID, REF, "SDA", "DEATH_REPORT", "FIRST_RESPONSE",
                FIRST_RESPONSE_DUE, FIRST_RESPONSE_DUE.plusSeconds(60))).state()).isEqualTo(before);
    }
}
