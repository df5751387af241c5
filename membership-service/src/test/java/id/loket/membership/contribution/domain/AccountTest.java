package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.Instalment;
import id.loket.membership.contribution.domain.ContributionEvent.InstalmentPlanCompleted;
import id.loket.membership.contribution.domain.ContributionEvent.InstalmentPlanOpened;
import id.loket.membership.contribution.domain.ContributionEvent.PaymentAllocated;
import id.loket.membership.contribution.domain.ContributionEvent.Settled;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An account's ledger rules, pure: payments settle the oldest open months, credit carries over, instalment plans. */
class AccountTest {

    static final String ACCOUNT = "acc-1";
    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000d5");
    static final YearMonth JAN = YearMonth.of(2026, 1), FEB = YearMonth.of(2026, 2), MAR = YearMonth.of(2026, 3),
            APR = YearMonth.of(2026, 4);
    static final YearMonth FROM = YearMonth.of(2024, 1);
    static final LocalDate TODAY = LocalDate.parse("2026-04-15");

    final DeciderSpec<Account.Command, ContributionEvent, Account> account = DeciderSpec.of(Account.DECIDER);

    static SortedMap<YearMonth, Long> billed(Object... monthsAndAmounts) {
        SortedMap<YearMonth, Long> out = new TreeMap<>();
        for (int i = 0; i < monthsAndAmounts.length; i += 2) {
            out.put((YearMonth) monthsAndAmounts[i], ((Number) monthsAndAmounts[i + 1]).longValue());
        }
        return out;
    }

    static final SortedMap<YearMonth, Long> THREE_MONTHS = billed(JAN, 100, FEB, 100, MAR, 101);
    static final InstalmentPlanOpened PLAN_OPENED = new InstalmentPlanOpened(ACCOUNT, PLAN, TODAY,
            List.of(new Settled(JAN, 100), new Settled(FEB, 100), new Settled(MAR, 101)), 301,
            List.of(new Instalment(1, TODAY, 101), new Instalment(2, LocalDate.parse("2026-05-10"), 100),
                    new Instalment(3, LocalDate.parse("2026-06-10"), 100)));

    @Test
    void aPaymentSettlesTheOldestOpenMonthsFirst() {
        account.given().when(new Account.Allocate(ACCOUNT, "pay-1", 150, billed(JAN, 100, FEB, 100), FROM))
                .then(new PaymentAllocated(ACCOUNT, "pay-1", 150, List.of(new Settled(JAN, 100), new Settled(FEB, 50)), 0));
    }

    @Test
    void whatIsLeftOverIsCreditAndTheNextPaymentUsesIt() {
        var first = new PaymentAllocated(ACCOUNT, "pay-1", 250, List.of(new Settled(JAN, 100), new Settled(FEB, 100)), 50);
        Account after = account.given().when(new Account.Allocate(ACCOUNT, "pay-1", 250, billed(JAN, 100, FEB, 100), FROM)).then(first);
        assertThat(after.ledger(billed(JAN, 100, FEB, 100)).credit()).isEqualTo(50);
        account.given(first).when(new Account.Allocate(ACCOUNT, "pay-2", 50, billed(JAN, 100, FEB, 100, MAR, 100), FROM))
                .then(new PaymentAllocated(ACCOUNT, "pay-2", 50, List.of(new Settled(MAR, 100)), 0));
    }

    @Test
    void monthsBeforeTheCountedWindowAreNotSettled() {
        account.given().when(new Account.Allocate(ACCOUNT, "pay-1", 100, billed(JAN, 100, FEB, 100), FEB))
                .then(new PaymentAllocated(ACCOUNT, "pay-1", 100, List.of(new Settled(FEB, 100)), 0));
    }

    @Test
    void arrearsAreSplitIntoInstalmentsTheFirstDueTodayAndTakingTheRemainder() {
        Account after = account.given().when(new Account.OpenPlan(ACCOUNT, PLAN, 3, THREE_MONTHS, TODAY)).then(PLAN_OPENED);
        assertThat(after.openPlan().planId()).isEqualTo(PLAN);
        assertThat(after.openPlan().remaining(after.ledger(THREE_MONTHS))).isEqualTo(301);
    }

    @Test
    void thereAreNeverMoreInstalmentsThanRupiahOwed() {
        account.given().when(new Account.OpenPlan(ACCOUNT, PLAN, 12, billed(MAR, 2), TODAY)).thenEvents(events ->
                assertThat(((InstalmentPlanOpened) events.getFirst()).instalments()).extracting(Instalment::amount).containsExactly(1L, 1L));
    }

    @Test
    void aPlanHasOneToTwelveInstalments() {
        for (int n : new int[]{0, 13}) {
            InvalidField f = account.given().when(new Account.OpenPlan(ACCOUNT, PLAN, n, THREE_MONTHS, TODAY))
                    .thenViolates(InvalidField.class, "must be between 1 and 12");
            assertThat(f.field()).isEqualTo("instalments");
        }
    }

    @Test
    void anAccountHasAtMostOneOpenPlan() {
        account.given(PLAN_OPENED).when(new Account.OpenPlan(ACCOUNT, UUID.randomUUID(), 2, THREE_MONTHS, TODAY))
                .thenViolates(RuleViolation.class, "already has an open instalment plan " + PLAN);
    }

    @Test
    void aPlanNeedsArrearsBeforeTheCurrentMonth() {
        account.given().when(new Account.OpenPlan(ACCOUNT, PLAN, 3, billed(APR, 100), TODAY))
                .thenViolates(RuleViolation.class, "has no arrears to pay in instalments");
        var paid = new PaymentAllocated(ACCOUNT, "pay-1", 301, List.of(new Settled(JAN, 100), new Settled(FEB, 100), new Settled(MAR, 101)), 0);
        account.given(paid).when(new Account.OpenPlan(ACCOUNT, PLAN, 3, THREE_MONTHS, TODAY))
                .thenViolates(RuleViolation.class, "has no arrears");
    }

    @Test
    void thePaymentThatSettlesThePlansLastMonthCompletesIt() {
        var firstInstalment = new PaymentAllocated(ACCOUNT, "pay-1", 101, List.of(new Settled(JAN, 100), new Settled(FEB, 1)), 0);
        account.given(PLAN_OPENED).when(new Account.Allocate(ACCOUNT, "pay-1", 101, THREE_MONTHS, FROM)).then(firstInstalment);
        var secondInstalments = new PaymentAllocated(ACCOUNT, "pay-2", 200, List.of(new Settled(FEB, 99), new Settled(MAR, 101)), 0);
        var completed = new InstalmentPlanCompleted(ACCOUNT, PLAN, "pay-2");
        Account after = account.given(PLAN_OPENED, firstInstalment)
                .when(new Account.Allocate(ACCOUNT, "pay-2", 200, THREE_MONTHS, FROM))
                .then(secondInstalments, completed);
        assertThat(after.openPlan()).isNull();
        assertThat(after.plans()).singleElement().extracting(Account.Plan::completedBy).isEqualTo("pay-2");
        // a new plan may be opened once the last one is completed
        account.given(PLAN_OPENED, firstInstalment, secondInstalments, completed)
                .when(new Account.OpenPlan(ACCOUNT, UUID.randomUUID(), 2, billed(JAN, 100, FEB, 100, MAR, 101, APR, 100), TODAY.plusMonths(1)))
                .thenEvents(events -> assertThat(events).singleElement().isInstanceOf(InstalmentPlanOpened.class));
    }

    @Test
    void anAccountIsClearOnceTheCountedArrearsAndTheCurrentMonthArePaidAndNoPlanIsOpen() {
        SortedMap<YearMonth, Long> bills = billed(JAN, 100, FEB, 100);
        PaymentAllocated paidJan = new PaymentAllocated(ACCOUNT, "pay-1", 100, List.of(new Settled(JAN, 100)), 0);
        PaymentAllocated paidFeb = new PaymentAllocated(ACCOUNT, "pay-2", 100, List.of(new Settled(FEB, 100)), 0);
        assertThat(account.given(paidJan).state().clearedFor(FEB, bills)).as("February still open").isFalse();
        assertThat(account.given(paidJan, paidFeb).state().clearedFor(FEB, bills)).isTrue();
        assertThat(account.given(paidJan, paidFeb).state().clearedFor(MAR, bills)).as("March not billed yet, no credit for it").isFalse();
        assertThat(account.given(PLAN_OPENED, paidJan, paidFeb).state().clearedFor(FEB, bills)).as("a plan still open").isFalse();
    }
}
