package id.loket.membership.participant.domain;

import id.loket.membership.participant.domain.DeactivationReason.DocumentType;
import id.loket.membership.participant.domain.Participant.Command;
import id.loket.membership.participant.domain.Participant.RequestKind;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDataCorrected;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationRejected;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationRequested;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversalRejected;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversalRequested;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantReactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantSuspended;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.Nik;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A participant's rules, pure: registration, arrears status, the four-eyes deactivation and reversal, corrections. */
class ParticipantTest {

    static final UUID ID = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final UUID OTHER_REQUEST = UUID.fromString("00000000-0000-0000-0000-0000000000b3");
    static final LocalDate DAY = LocalDate.parse("2026-03-01");
    static final String HASH = "hash-1";
    static final List<DocumentType> DOCUMENTS = List.of(DocumentType.DEATH_CERTIFICATE, DocumentType.FAMILY_CARD, DocumentType.JKN_CARD);

    final DeciderSpec<Command, ParticipantEvent, Participant> participant = DeciderSpec.of(Participant.DECIDER);

    static Command.Register register(Segment segment) {
        return new Command.Register(ID, "0001234567890", HASH, "1234", "kk-hash", Nik.Sex.FEMALE, segment, CareClass.III,
                DAY, Relation.HEAD, "acc-1", null, "F001", Participant.Others.NONE);
    }

    static ParticipantRegistered registered(Segment segment) {
        return new ParticipantRegistered(ID, "0001234567890", HASH, "1234", "kk-hash", Nik.Sex.FEMALE, segment, CareClass.III,
                DAY, Relation.HEAD, "acc-1", null, "F001");
    }

    static final ParticipantRegistered REGISTERED = registered(Segment.PBPU);
    static final ParticipantSuspended SUSPENDED = new ParticipantSuspended(ID, HASH, DAY.plusMonths(1), 1, "acc-1", 35_000L);
    static final ParticipantDeactivationRequested DEACTIVATION_REQUESTED = new ParticipantDeactivationRequested(ID, HASH, REQUEST,
            DeactivationReason.DECEASED, DAY.plusDays(3), "CMP-1", DOCUMENTS, "frontliner-1");
    static final ParticipantDeactivated DEACTIVATED = new ParticipantDeactivated(ID, HASH, DeactivationReason.DECEASED,
            DAY.plusDays(3), "CMP-1");
    static final ParticipantDeactivationReversalRequested REVERSAL_REQUESTED = new ParticipantDeactivationReversalRequested(ID, HASH,
            OTHER_REQUEST, "reported by mistake", "frontliner-1");

    @Test
    void registrationCreatesAnActiveParticipant() {
        Participant p = participant.given().when(register(Segment.PBPU)).then(REGISTERED);
        assertThat(p.exists()).isTrue();
        assertThat(p.status()).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(p.accountId()).isEqualTo("acc-1");
    }

    @Test
    void aParticipantIsRegisteredOnce() {
        participant.given(REGISTERED).when(register(Segment.PBPU)).thenViolates(RuleViolation.class, "is already registered");
    }

    @Test
    void everyOtherCommandNeedsARegisteredParticipant() {
        List<Command> commands = List.of(new Command.Suspend(DAY, 1, 35_000), new Command.Reactivate(DAY),
                new Command.Deactivate(DeactivationReason.DECEASED, DAY, null),
                new Command.RequestDeactivation(REQUEST, DeactivationReason.DECEASED, DAY, null, DOCUMENTS, "f"),
                new Command.RequestReversal(REQUEST, "r", "f"), new Command.Decide(REQUEST, RequestKind.DEACTIVATION, true, "s", null),
                new Command.CorrectData(CorrectedField.NAME, null, null, null, null, "COUNTER", UUID.randomUUID()));
        for (Command c : commands) participant.given().when(c).thenViolates(RuleViolation.class, "no such participant");
    }

    @Test
    void arrearsSuspendAnActiveParticipantOnceAndNeverAGovernmentPaidOne() {
        Participant p = participant.given(REGISTERED).when(new Command.Suspend(DAY.plusMonths(1), 1, 35_000)).then(SUSPENDED);
        assertThat(p.status()).isEqualTo(ParticipantStatus.SUSPENDED);
        participant.given(REGISTERED, SUSPENDED).when(new Command.Suspend(DAY.plusMonths(2), 2, 70_000)).thenNothing();
        participant.given(REGISTERED, DEACTIVATED).when(new Command.Suspend(DAY.plusMonths(2), 2, 70_000)).thenNothing();
        participant.given(registered(Segment.PBI_APBN)).when(new Command.Suspend(DAY, 3, 105_000)).thenNothing();
        participant.given(registered(Segment.PBI_APBD)).when(new Command.Suspend(DAY, 3, 105_000)).thenNothing();
    }

    @Test
    void aPaymentReactivatesOnlyASuspendedParticipant() {
        Participant p = participant.given(REGISTERED, SUSPENDED).when(new Command.Reactivate(DAY.plusMonths(2)))
                .then(new ParticipantReactivated(ID, HASH, DAY.plusMonths(2)));
        assertThat(p.status()).isEqualTo(ParticipantStatus.ACTIVE);
        participant.given(REGISTERED).when(new Command.Reactivate(DAY)).thenNothing();
        participant.given(REGISTERED, SUSPENDED, DEACTIVATED).when(new Command.Reactivate(DAY)).thenNothing();
    }

    @Test
    void aDirectDeactivationIsFinal() {
        Participant p = participant.given(REGISTERED)
                .when(new Command.Deactivate(DeactivationReason.DECEASED, DAY.plusDays(3), "CMP-1")).then(DEACTIVATED);
        assertThat(p.status()).isEqualTo(ParticipantStatus.INACTIVE);
        participant.given(REGISTERED, DEACTIVATED).when(new Command.Deactivate(DeactivationReason.MOVED_ABROAD, DAY, null))
                .thenViolates(RuleViolation.class, "already deactivated; deactivation is final");
    }

    @Test
    void aDeactivationRequestWaitsForASecondPerson() {
        Participant p = participant.given(REGISTERED).when(new Command.RequestDeactivation(REQUEST, DeactivationReason.DECEASED,
                DAY.plusDays(3), "CMP-1", DOCUMENTS, "frontliner-1")).then(DEACTIVATION_REQUESTED);
        assertThat(p.status()).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(p.pending().kind()).isEqualTo(RequestKind.DEACTIVATION);
        assertThat(p.pending().requestedBy()).isEqualTo("frontliner-1");
    }

    @Test
    void aDeactivationRequestNeedsAnActiveOrSuspendedParticipantWithNothingPending() {
        var request = new Command.RequestDeactivation(OTHER_REQUEST, DeactivationReason.DECEASED, DAY, null, DOCUMENTS, "f");
        participant.given(REGISTERED, DEACTIVATED).when(request).thenViolates(RuleViolation.class, "deactivation is final");
        participant.given(REGISTERED, DEACTIVATION_REQUESTED).when(request)
                .thenViolates(RuleViolation.class, "already has a pending deactivation request " + REQUEST);
        participant.given(REGISTERED, DEACTIVATION_REQUESTED)
                .when(new Command.Deactivate(DeactivationReason.DECEASED, DAY, null))
                .thenViolates(RuleViolation.class, "it must be approved or rejected first");
        participant.given(REGISTERED, SUSPENDED).when(request).thenEvents(events ->
                assertThat(events).singleElement().isInstanceOf(ParticipantDeactivationRequested.class));
    }

    @Test
    void anApprovedDeactivationIsTheEventADirectOneWouldBe() {
        Participant p = participant.given(REGISTERED, SUSPENDED, DEACTIVATION_REQUESTED)
                .when(new Command.Decide(REQUEST, RequestKind.DEACTIVATION, true, "supervisor-1", null)).then(DEACTIVATED);
        assertThat(p.status()).isEqualTo(ParticipantStatus.INACTIVE);
        assertThat(p.statusBeforeDeactivation()).isEqualTo(ParticipantStatus.SUSPENDED);
        assertThat(p.pending()).isNull();
    }

    @Test
    void aRejectedDeactivationLeavesTheParticipantAsItWas() {
        Participant p = participant.given(REGISTERED, DEACTIVATION_REQUESTED)
                .when(new Command.Decide(REQUEST, RequestKind.DEACTIVATION, false, "supervisor-1", "no death certificate"))
                .then(new ParticipantDeactivationRejected(ID, HASH, REQUEST, "no death certificate", "supervisor-1"));
        assertThat(p.status()).isEqualTo(ParticipantStatus.ACTIVE);
        assertThat(p.pending()).isNull();
    }

    @Test
    void theRequesterMayNeitherApproveNorRejectTheirOwnRequest() {
        participant.given(REGISTERED, DEACTIVATION_REQUESTED)
                .when(new Command.Decide(REQUEST, RequestKind.DEACTIVATION, true, "frontliner-1", null))
                .thenViolates(SelfApproval.class, "may not approve it: a second person decides (four eyes)");
        participant.given(REGISTERED, DEACTIVATION_REQUESTED)
                .when(new Command.Decide(REQUEST, RequestKind.DEACTIVATION, false, "frontliner-1", "changed my mind"))
                .thenViolates(SelfApproval.class, "may not reject it");
    }

    @Test
    void aDecisionNeedsThatPendingRequestOfThatKind() {
        participant.given(REGISTERED).when(new Command.Decide(REQUEST, RequestKind.DEACTIVATION, true, "s", null))
                .thenViolates(RuleViolation.class, "no pending deactivation request " + REQUEST);
        participant.given(REGISTERED, DEACTIVATION_REQUESTED).when(new Command.Decide(OTHER_REQUEST, RequestKind.DEACTIVATION, true, "s", null))
                .thenViolates(RuleViolation.class, "no pending deactivation request " + OTHER_REQUEST);
        participant.given(REGISTERED, DEACTIVATION_REQUESTED).when(new Command.Decide(REQUEST, RequestKind.REVERSAL, true, "s", null))
                .thenViolates(RuleViolation.class, "no pending reversal request " + REQUEST);
    }

    @Test
    void aReversalIsRequestedOnlyForADeactivatedParticipantWithNothingPending() {
        var reverse = new Command.RequestReversal(OTHER_REQUEST, "reported by mistake", "frontliner-1");
        Participant p = participant.given(REGISTERED, DEACTIVATED).when(reverse).then(REVERSAL_REQUESTED);
        assertThat(p.pending().kind()).isEqualTo(RequestKind.REVERSAL);
        assertThat(p.pending().reversalReason()).isEqualTo("reported by mistake");
        participant.given(REGISTERED).when(reverse).thenViolates(RuleViolation.class, "is not deactivated");
        participant.given(REGISTERED, DEACTIVATED, REVERSAL_REQUESTED).when(reverse)
                .thenViolates(RuleViolation.class, "already has a pending reversal request " + OTHER_REQUEST);
    }

    @Test
    void anApprovedReversalRestoresTheStatusBeforeTheDeactivation() {
        Participant p = participant.given(REGISTERED, SUSPENDED, DEACTIVATED, REVERSAL_REQUESTED)
                .when(new Command.Decide(OTHER_REQUEST, RequestKind.REVERSAL, true, "supervisor-1", null))
                .then(new ParticipantDeactivationReversed(ID, HASH, "reported by mistake"));
        assertThat(p.status()).isEqualTo(ParticipantStatus.SUSPENDED);
        assertThat(p.statusBeforeDeactivation()).isNull();
        assertThat(p.pending()).isNull();
    }

    @Test
    void aRejectedReversalLeavesTheParticipantDeactivated() {
        Participant p = participant.given(REGISTERED, DEACTIVATED, REVERSAL_REQUESTED)
                .when(new Command.Decide(OTHER_REQUEST, RequestKind.REVERSAL, false, "supervisor-1", "the death is confirmed"))
                .then(new ParticipantDeactivationReversalRejected(ID, HASH, OTHER_REQUEST, "the death is confirmed", "supervisor-1"));
        assertThat(p.status()).isEqualTo(ParticipantStatus.INACTIVE);
        assertThat(p.pending()).isNull();
    }

    @Test
    void aCorrectionKeepsTheHashUnlessTheNikChanged() {
        UUID correction = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
        participant.given(REGISTERED).when(new Command.CorrectData(CorrectedField.FACILITY_CODE, null, null, "F001", "F002", "COUNTER", correction))
                .then(new ParticipantDataCorrected(ID, HASH, null, CorrectedField.FACILITY_CODE, "F001", "F002", "COUNTER", correction));
        Participant p = participant.given(REGISTERED)
                .when(new Command.CorrectData(CorrectedField.NIK, "hash-2", "5678", HASH, "hash-2", "DUKCAPIL", correction))
                .then(new ParticipantDataCorrected(ID, "hash-2", "5678", CorrectedField.NIK, HASH, "hash-2", "DUKCAPIL", correction));
        assertThat(p.nikHash()).isEqualTo("hash-2");
        assertThat(p.status()).isEqualTo(ParticipantStatus.ACTIVE);
    }

    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-0000000000c4");

    static Command.Register registerWith(Participant.Others others) {
        return register(Segment.PBPU).with(others);
    }

    @Test
    void aNikHeldByARegisteredParticipantIsRefusedNamingThemAndTheField() {
        var refused = participant.given().when(registerWith(new Participant.Others(Participant.Holder.registered(OTHER, "0009999999999"), null, null)))
                .thenViolates(RegistrationRefused.class, "a participant with this NIK is already registered: participant " + OTHER + ", card 0009999999999");
        assertThat(refused.field()).isEqualTo("nik");
        participant.given().when(registerWith(new Participant.Others(Participant.Holder.registered(OTHER, null), null, null)))
                .thenViolates(RegistrationRefused.class, "already registered: participant " + OTHER);
        participant.given().when(registerWith(new Participant.Others(new Participant.Holder(OTHER, "0009999999999", 4), null, null)))
                .thenViolates(RegistrationRefused.class, "already on line 4 with another card number");
    }

    @Test
    void theSamePersonWithTheSameCardAgainIsNothingNew() {
        participant.given().when(registerWith(new Participant.Others(Participant.Holder.registered(OTHER, "0001234567890"), null, null)))
                .thenNothing();
        participant.given().when(registerWith(new Participant.Others(new Participant.Holder(OTHER, "0001234567890", 2), null, null)))
                .thenNothing();
    }

    @Test
    void aCardNumberIsHeldByOneParticipant() {
        var refused = participant.given().when(registerWith(new Participant.Others(null, Participant.Holder.registered(null, "0001234567890"), null)))
                .thenViolates(RegistrationRefused.class, "already held by another participant");
        assertThat(refused.field()).isEqualTo("cardNumber");
        participant.given().when(registerWith(new Participant.Others(null, new Participant.Holder(OTHER, "0001234567890", 3), null)))
                .thenViolates(RegistrationRefused.class, "already given to line 3");
    }

    @Test
    void aFamilyHasOneHead() {
        var refused = participant.given().when(registerWith(new Participant.Others(null, null, Participant.Holder.registered(OTHER, null))))
                .thenViolates(RegistrationRefused.class, "this family already has a head of family");
        assertThat(refused.field()).isEqualTo("relation");
        participant.given().when(registerWith(new Participant.Others(null, null, new Participant.Holder(OTHER, null, 7))))
                .thenViolates(RegistrationRefused.class, "this family already has a head of family (line 7)");
        Command.Register child = new Command.Register(ID, "0001234567890", HASH, "1234", "kk-hash", Nik.Sex.FEMALE, Segment.PBPU,
                CareClass.III, DAY, Relation.CHILD, "acc-1", null, "F001", new Participant.Others(null, null, Participant.Holder.registered(OTHER, null)));
        participant.given().when(child).thenEvents(events -> assertThat(events).hasSize(1));
    }
}
