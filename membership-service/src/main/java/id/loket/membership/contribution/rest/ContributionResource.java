package id.loket.membership.contribution.rest;

import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import id.loket.membership.contribution.domain.Account;
import id.loket.membership.contribution.service.BillingRun;
import id.loket.membership.contribution.service.InstalmentPlans;
import id.loket.membership.contribution.service.PaymentService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** Billing runs, payments and instalment plans. */
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

    public record InstalmentPlanRequest(@NotNull @Min(value = 1, message = "must be between 1 and 12")
                                        @Max(value = Account.MAX_INSTALMENTS, message = "must be between 1 and 12") Integer instalments) {
    }

    private final BillingRun billing;
    private final PaymentService payments;
    private final InstalmentPlans plans;

    ContributionResource(BillingRun billing, PaymentService payments, InstalmentPlans plans) {
        this.billing = billing;
        this.payments = payments;
        this.plans = plans;
    }

    /** Arrears in up to 12 instalments; payments then settle the plan's months first (oldest first). */
    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("accounts/{accountId}/instalment-plans")
    public Response openPlan(@PathParam("accountId") String accountId, @Valid @NotNull InstalmentPlanRequest body) {
        InstalmentPlans.PlanView plan = plans.open(accountId, body.instalments());
        return Response.created(URI.create("/accounts/" + accountId + "/instalment-plans")).entity(plan).build();
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @GET
    @Path("accounts/{accountId}/instalment-plans")
    public List<InstalmentPlans.PlanView> plans(@PathParam("accountId") String accountId) {
        return plans.list(accountId);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("billing-runs")
    public BillingRun.Report bill(@Valid @NotNull BillingRunRequest body) {
        return billing.run(body.month());
    }

    @RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
    @POST
    @Path("payments")
    public PaymentService.Result pay(@Valid @NotNull PaymentRequest body) {
        return payments.pay(new PaymentService.Payment(body.accountId(), body.amount(), body.paidAt(), body.reference()));
    }
}
