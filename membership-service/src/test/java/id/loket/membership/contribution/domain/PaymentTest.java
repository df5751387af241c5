package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.ContributionPaid;
import id.loket.membership.contribution.domain.Payment.Command;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.test.DeciderSpec;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A payment, pure: recorded once per reference; the same again is nothing new, another under its reference refused. */
class PaymentTest {

    static final Instant PAID_AT = Instant.parse("2026-03-20T05:00:00Z");
    static final ContributionPaid PAID = new ContributionPaid("acc-1", "REF-1", 35_000, PAID_AT);

    final DeciderSpec<Command, ContributionEvent, Payment> payment = DeciderSpec.of(Payment.DECIDER);

    @Test
    void aPaymentIsRecordedUnderItsReference() {
        Payment p = payment.given().when(new Command.Record("acc-1", "REF-1", 35_000, PAID_AT)).then(PAID);
        assertThat(p.exists()).isTrue();
        assertThat(Payment.streamId("REF-1")).isEqualTo("payment-REF-1");
    }

    @Test
    void theSamePaymentAgainIsAlreadyRecorded() {
        payment.given(PAID).when(new Command.Record("acc-1", "REF-1", 35_000, PAID_AT.plusSeconds(60))).thenNothing();
    }

    @Test
    void anotherPaymentUnderAUsedReferenceIsRefused() {
        payment.given(PAID).when(new Command.Record("acc-1", "REF-1", 70_000, PAID_AT))
                .thenViolates(RuleViolation.class, "payment reference REF-1 was already used for another payment");
        payment.given(PAID).when(new Command.Record("acc-2", "REF-1", 35_000, PAID_AT))
                .thenViolates(RuleViolation.class, "already used for another payment");
    }
}
