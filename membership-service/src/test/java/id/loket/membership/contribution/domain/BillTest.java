package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.Bill.Command;
import id.loket.membership.contribution.domain.Bill.Member;
import id.loket.membership.contribution.domain.ContributionEvent.BillCancelled;
import id.loket.membership.contribution.domain.ContributionEvent.BillRestored;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionBilled;
import id.loket.membership.contribution.domain.ContributionEvent.Line;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A month's bill, pure: the billing rule (fixed tariffs, PPU wages and family members), cancelling and restoring a line. */
class BillTest {

    static final String ACCOUNT = "family-kk";
    static final YearMonth MAR = YearMonth.of(2026, 3);
    static final UUID A = id(1), B = id(2), C = id(3);
    static final Tariff CLASS_III = new Tariff("FIXED", 42_000, 7_000, 0, 0, 0, 0, 0);
    static final Tariff CLASS_I = new Tariff("FIXED", 150_000, 0, 0, 0, 0, 0, 0);
    static final Tariff PPU = new Tariff("WAGE", 0, 0, 500, 2_000_000, 12_000_000, 5, 100);
    static final Map<Tariff.Key, Tariff> TARIFFS = Map.of(new Tariff.Key(Segment.PBPU, CareClass.III), CLASS_III,
            new Tariff.Key(Segment.PBPU, CareClass.I), CLASS_I, new Tariff.Key(Segment.PPU_BU, null), PPU);

    final DeciderSpec<Command, ContributionEvent, Bill> bill = DeciderSpec.of(Bill.DECIDER);

    static UUID id(int n) {
        return UUID.fromString("00000000-0000-0000-0000-0000000000" + String.format("%02d", n));
    }

    static Member pbpu(UUID id, CareClass c) {
        return new Member(id, Segment.PBPU, c, "kk", null);
    }

    static final ContributionBilled BILLED = new ContributionBilled(ACCOUNT, MAR, 70_000,
            List.of(new Line(A, 35_000), new Line(B, 35_000)), MAR.atDay(10));

    @Test
    void aFixedRateMemberPaysTheTariffOfTheirClassLessTheSubsidyDueOnTheTenth() {
        Bill b = bill.given().when(new Command.Issue(ACCOUNT, MAR, List.of(pbpu(A, CareClass.III), pbpu(B, CareClass.I)), TARIFFS))
                .then(new ContributionBilled(ACCOUNT, MAR, 185_000, List.of(new Line(A, 35_000), new Line(B, 150_000)), MAR.atDay(10)));
        assertThat(b.lines()).containsEntry(A, new Bill.Line(35_000, false));
    }

    @Test
    void ppuPaysAShareOfTheFlooredAndCappedWageAndFamilyMembersBeyondFiveOnePercentOfTheEarners() {
        List<Member> family = new java.util.ArrayList<>();
        family.add(new Member(id(10), Segment.PPU_BU, null, "kk-w", 20_000_000L)); // capped at 12M: 600,000
        for (int i = 11; i <= 15; i++) family.add(new Member(id(i), Segment.PPU_BU, null, "kk-w", null));
        Member lowWage = new Member(id(20), Segment.PPU_BU, null, "kk-low", 1_000_000L); // floored at 2M: 100,000
        family.add(lowWage);
        bill.given().when(new Command.Issue("employer-e", MAR, family, TARIFFS)).thenEvents(events -> {
            var lines = ((ContributionBilled) events.getFirst()).lines();
            assertThat(lines).extracting(Line::amount).containsExactly(600_000L, 0L, 0L, 0L, 0L, 120_000L, 100_000L);
            assertThat(((ContributionBilled) events.getFirst()).amount()).isEqualTo(820_000);
        });
    }

    @Test
    void fixedRateLinesComeFirstThenThePpuFamiliesAndOnlyTheTariffsNeededAreAskedFor() {
        List<Member> members = List.of(new Member(C, Segment.PPU_BU, null, "kk-w", 5_000_000L), pbpu(A, CareClass.III));
        assertThat(Bill.tariffsNeeded(members)).containsExactlyInAnyOrder(new Tariff.Key(Segment.PPU_BU, null),
                new Tariff.Key(Segment.PBPU, CareClass.III));
        bill.given().when(new Command.Issue(ACCOUNT, MAR, members, TARIFFS)).thenEvents(events ->
                assertThat(((ContributionBilled) events.getFirst()).lines()).extracting(Line::participantId).containsExactly(A, C));
    }

    @Test
    void aBillIsIssuedOnce() {
        bill.given(BILLED).when(new Command.Issue(ACCOUNT, MAR, List.of(pbpu(A, CareClass.III)), TARIFFS))
                .thenViolates(RuleViolation.class, "already issued");
    }

    @Test
    void aDeactivationCancelsTheLineOfALaterMonthOnce() {
        BillCancelled cancelled = new BillCancelled(ACCOUNT, MAR, A, 35_000, "DECEASED");
        Bill b = bill.given(BILLED).when(new Command.CancelLine(A, YearMonth.of(2026, 2), "DECEASED")).then(cancelled);
        assertThat(b.lines().get(A).cancelled()).isTrue();
        bill.given(BILLED, cancelled).when(new Command.CancelLine(A, YearMonth.of(2026, 2), "DECEASED")).thenNothing();
    }

    @Test
    void theEffectiveMonthItselfAndOtherParticipantsStayBilled() {
        bill.given(BILLED).when(new Command.CancelLine(A, MAR, "DECEASED")).thenNothing();
        bill.given(BILLED).when(new Command.CancelLine(C, YearMonth.of(2026, 1), "DECEASED")).thenNothing();
    }

    @Test
    void aReversalRestoresOnlyACancelledLine() {
        BillCancelled cancelled = new BillCancelled(ACCOUNT, MAR, A, 35_000, "DECEASED");
        Bill b = bill.given(BILLED, cancelled).when(new Command.RestoreLine(A)).then(new BillRestored(ACCOUNT, MAR, A, 35_000));
        assertThat(b.lines().get(A).cancelled()).isFalse();
        bill.given(BILLED).when(new Command.RestoreLine(A)).thenNothing();
        bill.given(BILLED, cancelled, new BillRestored(ACCOUNT, MAR, A, 35_000)).when(new Command.RestoreLine(A)).thenNothing();
    }

    @Test
    void onlyAnIssuedBillHasLinesToCancelOrRestore() {
        bill.given().when(new Command.CancelLine(A, YearMonth.of(2026, 1), "DECEASED")).thenViolates(RuleViolation.class, "no such bill");
        bill.given().when(new Command.RestoreLine(A)).thenViolates(RuleViolation.class, "no such bill");
    }
}
