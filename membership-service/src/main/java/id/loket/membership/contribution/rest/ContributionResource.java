package id.loket.membership.contribution.rest;

import id.loket.membership.contribution.service.BillingRun;
import id.loket.membership.contribution.service.PaymentService;
import id.loket.membership.status.SuspensionJob;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** Billing runs, payments, and the suspension run (normally daily by the scheduler). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ContributionResource {

    public record BillingRunRequest(@NotNull YearMonth month) {
    }

    public record PaymentRequest(@NotBlank @Size(max = 200) String accountId, @NotNull @Positive Long amount,
                                 @NotNull Instant paidAt,
                                 @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,80}", message = "must be 1-80 letters, digits or . _ : -") String reference) {
    }

    public record SuspensionRunRequest(@NotNull LocalDate date) {
    }

    private final BillingRun billing;
    private final PaymentService payments;
    private final SuspensionJob suspensions;

    ContributionResource(BillingRun billing, PaymentService payments, SuspensionJob suspensions) {
        this.billing = billing;
        this.payments = payments;
        this.suspensions = suspensions;
    }

    @POST
    @Path("billing-runs")
    public BillingRun.Report bill(@Valid @NotNull BillingRunRequest body) {
        return billing.run(body.month());
    }

    @POST
    @Path("payments")
    public PaymentService.Result pay(@Valid @NotNull PaymentRequest body) {
        return payments.pay(new PaymentService.Payment(body.accountId(), body.amount(), body.paidAt(), body.reference()));
    }

    @POST
    @Path("admin/suspension-runs")
    public SuspensionJob.Report suspend(@Valid @NotNull SuspensionRunRequest body) {
        return suspensions.runFor(body.date());
    }
}
