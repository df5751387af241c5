package id.loket.web.participant;

import id.loket.platform.security.Roles;
import id.loket.web.Calls;
import id.loket.web.Service;
import id.loket.web.ServiceDown;
import id.loket.web.ServiceRefused;
import id.loket.web.Who;
import id.loket.web.client.ComplaintApi;
import id.loket.web.client.Complaints;
import id.loket.web.client.Membership;
import id.loket.web.client.MembershipApi;
import id.loket.web.client.ProblemBody;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The counter's participant panel (membership-service: search, status, arrears and the penalty quote, history,
 * instalment plan, payment, death report as a four-eyes request) and complaint form (complaint-service: SOP
 * category and its documents). Every read states the visit as its purpose ({@code visit:<visitId>}), audited there.
 */
@Path("/loket/{counterId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ParticipantResource {

    static final List<String> DEATH_DOCUMENTS = List.of("DEATH_CERTIFICATE", "FAMILY_CARD", "JKN_CARD", "ID_CARD");

    /** A participant as the counter shows them, with what was just done (message) or refused (problem). */
    public record Card(String counterId, String purpose, Membership.Participant participant, Membership.Arrears arrears,
                       List<Membership.Plan> plans, List<Membership.HistoryEntry> history, List<String> deathDocuments,
                       String message, ProblemBody problem) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance panel(String counterId, String purpose, List<Complaints.Category> categories);

        static native TemplateInstance card(Card card);

        static native TemplateInstance complaint(Complaints.Complaint complaint, ProblemBody problem);
    }

    private final MembershipApi membership;
    private final ComplaintApi complaints;
    private final Calls calls;
    private final Who who;

    ParticipantResource(@RestClient MembershipApi membership, @RestClient ComplaintApi complaints, Calls calls, Who who) {
        this.membership = membership;
        this.complaints = complaints;
        this.calls = calls;
        this.who = who;
    }

    @GET
    @Path("peserta")
    public TemplateInstance panel(@PathParam("counterId") String counterId, @QueryParam("purpose") String purpose) {
        List<Complaints.Category> categories;
        try {
            categories = calls.call(Service.COMPLAINT, complaints::categories);
        } catch (ServiceDown | ServiceRefused e) {
            categories = List.of();
        }
        return Templates.panel(counterId, purpose == null ? "" : purpose, categories);
    }

    @POST
    @Path("peserta/cari")
    public Response search(@PathParam("counterId") String counterId, @FormParam("number") String number,
                           @FormParam("purpose") String purpose) {
        String n = number == null ? "" : number.trim();
        try {
            Membership.Participant p = calls.call(Service.MEMBERSHIP, () -> membership.search(purpose,
                    new Membership.Search(n.length() == 16 ? n : null, n.length() == 16 ? null : n)));
            return card(counterId, purpose, p.id(), null);
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return Response.status(e.status()).entity(Templates.card(new Card(counterId, purpose, null, null, List.of(),
                    List.of(), DEATH_DOCUMENTS, null, e.problem()))).build();
        }
    }

    @POST
    @Path("peserta/{participantId}/bayar")
    public Response pay(@PathParam("counterId") String counterId, @PathParam("participantId") UUID participantId,
                        @FormParam("purpose") String purpose, @FormParam("accountId") String accountId,
                        @FormParam("amount") String amount, @FormParam("reference") String reference) {
        return act(counterId, purpose, participantId, () -> {
            long rupiah = Long.parseLong(amount == null ? "0" : amount.replaceAll("[^0-9]", "").isEmpty() ? "0" : amount.replaceAll("[^0-9]", ""));
            Membership.Paid paid = membership.pay(new Membership.Payment(accountId, rupiah, Instant.now(), reference));
            return "paid:" + paid.reference() + (paid.reactivated() == null || paid.reactivated().isEmpty() ? "" : ":reactivated");
        });
    }

    /**
     * The reactivation penalty quote: what a stay of that INA-CBG tariff within 45 days of reactivation would cost,
     * as membership-service reckons it (the card again, with the quote).
     */
    @POST
    @Path("peserta/{participantId}/denda")
    public Response penalty(@PathParam("counterId") String counterId, @PathParam("participantId") UUID participantId,
                            @FormParam("purpose") String purpose, @FormParam("inaCbgTariff") String tariff) {
        String digits = tariff == null ? "" : tariff.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 12) {
            return cardWithProblem(counterId, purpose, participantId, ProblemBody.of(400, "inaCbgTariff: Rp"));
        }
        try {
            return Response.ok(Templates.card(read(counterId, purpose, participantId, null, null, Long.parseLong(digits)))).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return cardWithProblem(counterId, purpose, participantId, e.problem());
        }
    }

    @POST
    @Path("peserta/{participantId}/cicilan")
    public Response plan(@PathParam("counterId") String counterId, @PathParam("participantId") UUID participantId,
                         @FormParam("purpose") String purpose, @FormParam("accountId") String accountId,
                         @FormParam("instalments") int instalments) {
        return act(counterId, purpose, participantId, () -> {
            membership.openPlan(accountId, new Membership.OpenPlan(instalments));
            return "plan";
        });
    }

    /** A death report is a request: another supervisor approves it (four eyes), so nothing is deactivated here. */
    @POST
    @Path("peserta/{participantId}/kematian")
    public Response death(@PathParam("counterId") String counterId, @PathParam("participantId") UUID participantId,
                          @FormParam("purpose") String purpose, @FormParam("dateOfDeath") String dateOfDeath,
                          @FormParam("document") List<String> documents, @FormParam("complaintReference") String complaintReference,
                          @FormParam("number_DEATH_CERTIFICATE") String deathCertificate, @FormParam("number_FAMILY_CARD") String familyCard,
                          @FormParam("number_JKN_CARD") String jknCard, @FormParam("number_ID_CARD") String idCard) {
        return act(counterId, purpose, participantId, () -> {
            List<Membership.Document> docs = new ArrayList<>();
            for (String type : documents == null ? List.<String>of() : documents) {
                String n = switch (type) {
                    case "DEATH_CERTIFICATE" -> deathCertificate;
                    case "FAMILY_CARD" -> familyCard;
                    case "JKN_CARD" -> jknCard;
                    case "ID_CARD" -> idCard;
                    default -> null;
                };
                if (DEATH_DOCUMENTS.contains(type)) docs.add(new Membership.Document(type, n == null ? "" : n.trim()));
            }
            LocalDate date = dateOfDeath == null || dateOfDeath.isBlank() ? null : LocalDate.parse(dateOfDeath);
            Membership.RequestAnswer r = membership.requestDeactivation(participantId, new Membership.Deactivation(
                    "DECEASED", date, docs, complaintReference == null || complaintReference.isBlank() ? null : complaintReference));
            return "death:" + r.requestId();
        });
    }

    /** A complaint with its SOP category; each document received is recorded on it at once. */
    @POST
    @Path("pengaduan")
    public Response complaint(@PathParam("counterId") String counterId, @FormParam("purpose") String purpose,
                              @FormParam("category") String category, @FormParam("description") String description,
                              @FormParam("participantId") String participantId, @FormParam("document") List<String> documents,
                              @HeaderParam("Idempotency-Key") String key) {
        String visitId = purpose != null && purpose.startsWith("visit:") ? purpose.substring(6) : null;
        try {
            Complaints.Complaint c = calls.call(Service.COMPLAINT, () -> complaints.register(key, new Complaints.Register("COUNTER",
                    who.branch(), category, participantId == null || participantId.isBlank() ? null : UUID.fromString(participantId),
                    visitId, counterId, description)));
            UUID complaintId = c.id();
            for (String type : documents == null ? List.<String>of() : documents.stream().limit(10).toList()) {
                c = calls.call(Service.COMPLAINT, () -> complaints.addDocument(complaintId, new Complaints.AddDocument(type, null)));
            }
            return Response.ok(Templates.complaint(c, null)).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return Response.status(e.status()).entity(Templates.complaint(null, e.problem())).build();
        }
    }

    private interface Write {
        String run();
    }

    private Response act(String counterId, String purpose, UUID participantId, Write write) {
        try {
            String message = calls.call(Service.MEMBERSHIP, write::run);
            return card(counterId, purpose, participantId, message);
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return cardWithProblem(counterId, purpose, participantId, e.problem());
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            return cardWithProblem(counterId, purpose, participantId, ProblemBody.of(400, e.getMessage()));
        }
    }

    private Response card(String counterId, String purpose, UUID id, String message) {
        return Response.ok(Templates.card(read(counterId, purpose, id, message, null))).build();
    }

    private Response cardWithProblem(String counterId, String purpose, UUID id, ProblemBody problem) {
        return Response.status(problem.status()).entity(Templates.card(read(counterId, purpose, id, null, problem))).build();
    }

    /** Everything the panel shows of one participant, each read stating the visit as its purpose. */
    private Card read(String counterId, String purpose, UUID id, String message, ProblemBody problem) {
        return read(counterId, purpose, id, message, problem, null);
    }

    private Card read(String counterId, String purpose, UUID id, String message, ProblemBody problem, Long inaCbgTariff) {
        Membership.Participant p = calls.call(Service.MEMBERSHIP, () -> membership.participant(purpose, id));
        Membership.Arrears a = calls.call(Service.MEMBERSHIP, () -> inaCbgTariff == null ? membership.arrears(purpose, id)
                : membership.arrears(purpose, id, inaCbgTariff));
        List<Membership.Plan> plans = p.accountId() == null ? List.of()
                : calls.call(Service.MEMBERSHIP, () -> membership.plans(p.accountId()));
        List<Membership.HistoryEntry> history = calls.call(Service.MEMBERSHIP, () -> membership.history(purpose, id));
        return new Card(counterId, purpose, p, a, plans, history, DEATH_DOCUMENTS, message, problem);
    }
}
