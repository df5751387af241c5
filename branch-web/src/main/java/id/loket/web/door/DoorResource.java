package id.loket.web.door;

import id.loket.platform.security.Roles;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.jkn.Nik;
import id.loket.web.Calls;
import id.loket.web.Service;
import id.loket.web.ServiceDown;
import id.loket.web.ServiceRefused;
import id.loket.web.Who;
import id.loket.web.client.ProblemBody;
import id.loket.web.client.Queue;
import id.loket.web.client.QueueApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The door (security officer, tablet): the visitor's number, one tap for the purpose, the status and where it came
 * from, the suggestion to accept or override. Always in view: who waits for what and how long, and whether the branch
 * is open today. queue-service decides everything (POST /screenings/check, POST /screenings); this only shows it.
 */
@Path("/pintu")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.SECURITY_OFFICER, Roles.SUPERVISOR})
public class DoorResource {

    /** queue-service's purposes, in the order the door asks them (most frequent first). */
    static final List<String> PURPOSES = List.of("STATUS_CHECK", "ARREARS_PAYMENT", "REACTIVATION", "REGISTRATION",
            "DATA_CORRECTION", "CHANGE_FACILITY", "PRINT_CARD", "DEACTIVATION_DECEASED", "COMPLAINT", "INFORMATION");
    static final List<String> PRIORITIES = List.of("NONE", "ELDERLY", "DISABLED", "PREGNANT");
    static final List<String> CHANNELS = List.of("MOBILE_JKN", "PANDAWA", "CARE_CENTER_165", "I_CARE_JKN",
            "BPJS_WEBSITE", "VIKA_CHATBOT");

    /** The form as typed, to render it again (with the service's words beside a field). */
    public record Form(String number, String purpose, String priority, String numberError, String purposeError) {
        static Form empty() {
            return new Form("", null, "NONE", null, null);
        }

        public String chosenPriority() {
            return priority == null || priority.isBlank() ? "NONE" : priority;
        }
    }

    /** Who waits for what, and today's hours or holiday; null members when queue-service did not answer. */
    public record DoorStatus(List<Queue.Waiting> waiting, String holiday, Queue.DayHours hours, boolean known) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Form form, DoorStatus status, List<String> purposes, List<String> priorities,
                                           boolean oob);

        static native TemplateInstance page$status(DoorStatus status);

        static native TemplateInstance page$screenform(Form form, List<String> purposes, List<String> priorities, boolean oob);

        static native TemplateInstance checked(Queue.Check check, List<String> serviceTypes, List<String> channels);

        static native TemplateInstance decided(Queue.Screened screened, ProblemBody closed, DoorStatus status, Form form,
                                              List<String> purposes, List<String> priorities);

        static native TemplateInstance refused(ProblemBody problem, Form form, List<String> purposes, List<String> priorities);
    }

    private final QueueApi queue;
    private final Calls calls;
    private final Who who;

    DoorResource(@RestClient QueueApi queue, Calls calls, Who who) {
        this.queue = queue;
        this.calls = calls;
        this.who = who;
    }

    @GET
    public TemplateInstance page() {
        return Templates.page(Form.empty(), status(), PURPOSES, PRIORITIES, false);
    }

    /** Polled every few seconds by the page. */
    @GET
    @Path("status")
    public TemplateInstance statusFragment() {
        return Templates.page$status(status());
    }

    /** The status and the suggestion; nothing is recorded yet. */
    @POST
    @Path("periksa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response check(@FormParam("number") String number, @FormParam("purpose") String purpose,
                          @FormParam("priority") String priority) {
        Form form = new Form(number, purpose, priority, null, null);
        Form invalid = validate(form);
        if (invalid != null) return badRequest(invalid, null);
        try {
            Queue.Check check = calls.call(Service.QUEUE, () -> queue.check(screen(form, null, null, null)));
            return Response.ok(Templates.checked(check, serviceTypes(), CHANNELS)).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return badRequest(besideFields(form, e.problem()), e.problem());
        }
    }

    /**
     * The officer's decision ({@code decision} = OUTCOME[:serviceType|channel]): recorded by queue-service, which
     * issues the ticket. The answer shows the NIK's last four digits at most, and a fresh, empty form.
     */
    @POST
    @Path("keputusan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@FormParam("number") String number, @FormParam("purpose") String purpose,
                           @FormParam("priority") String priority, @FormParam("decision") String decision) {
        Form form = new Form(number, purpose, priority, null, null);
        Form invalid = validate(form);
        if (invalid != null) return badRequest(invalid, null);
        String[] d = decision == null ? new String[]{""} : decision.split(":", 2);
        String outcome = d[0].isBlank() ? null : d[0];
        String serviceType = "TICKET".equals(outcome) && d.length > 1 ? d[1] : null;
        String channel = "DIRECTED_TO_DIGITAL".equals(outcome) && d.length > 1 ? d[1] : null;
        try {
            Queue.Screened s = calls.call(Service.QUEUE, () -> queue.screen(screen(form, outcome, serviceType, channel)));
            return Response.ok(Templates.decided(s, null, status(), Form.empty(), PURPOSES, PRIORITIES)).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            if ("branch-closed".equals(e.problem().slug())) {
                return Response.status(409).entity(Templates.decided(null, e.problem(), status(), Form.empty(), PURPOSES, PRIORITIES)).build();
            }
            return badRequest(besideFields(form, e.problem()), e.problem());
        }
    }

    private Queue.Screen screen(Form f, String outcome, String serviceType, String channel) {
        String digits = f.number().trim();
        return new Queue.Screen(who.branch(), digits.length() == 16 ? digits : null, digits.length() == 13 ? digits : null,
                f.purpose(), f.priority() == null || f.priority().isBlank() ? "NONE" : f.priority(), outcome, serviceType, channel);
    }

    /** The form checks only what the officer can fix before anything is sent: which number it is, and a purpose. */
    private static Form validate(Form f) {
        String n = f.number() == null ? "" : f.number().trim();
        String numberError = n.matches("\\d{16}|\\d{13}") ? null : "16 / 13";
        if (n.length() == 16 && numberError == null) {
            try {
                Nik.parse(n, "nik", LocalDate.now(ZoneId.of("Asia/Jakarta"))); // region, birth date, serial
            } catch (InvalidField e) {
                numberError = e.getMessage();
            }
        }
        String purposeError = f.purpose() == null || !PURPOSES.contains(f.purpose()) ? "?" : null;
        if (numberError == null && purposeError == null) return null;
        return new Form(n, f.purpose(), f.priority(), numberError, purposeError);
    }

    /** The service's own words beside the field it names (nik / cardNumber → the number field, purpose). */
    private static Form besideFields(Form f, ProblemBody p) {
        String numberError = p.errorFor("nik") != null ? p.errorFor("nik") : p.errorFor("cardNumber");
        return new Form(f.number(), f.purpose(), f.priority(), numberError, p.errorFor("purpose"));
    }

    private Response badRequest(Form form, ProblemBody problem) {
        return Response.status(400).entity(Templates.refused(problem, form, PURPOSES, PRIORITIES)).build();
    }

    private List<String> serviceTypes() {
        try {
            Queue.Branch b = calls.call(Service.QUEUE, () -> queue.branch(who.branch()));
            return b.serviceTypes().stream().map(Queue.ServiceType::code).toList();
        } catch (ServiceDown | ServiceRefused e) {
            return List.of();
        }
    }

    /** Who waits (the board) and today's hours or holiday (the branch's set-up), as queue-service has them. */
    DoorStatus status() {
        try {
            Queue.Board board = calls.call(Service.QUEUE, () -> queue.board(who.branch()));
            Queue.Branch branch = calls.call(Service.QUEUE, () -> queue.branch(who.branch()));
            LocalDate today = LocalDate.now(ZoneId.of(branch.zoneId() == null ? "Asia/Jakarta" : branch.zoneId()));
            String holiday = calls.call(Service.QUEUE, () -> queue.holidays(who.branch(), today.getYear())).stream()
                    .filter(h -> today.equals(h.date())).map(Queue.Holiday::name).findFirst().orElse(null);
            Queue.DayHours hours = branch.serviceHours() == null ? null : branch.serviceHours().stream()
                    .filter(h -> today.getDayOfWeek().name().equals(h.day())).findFirst().orElse(null);
            return new DoorStatus(board.waiting(), holiday, hours, true);
        } catch (ServiceDown | ServiceRefused e) {
            return new DoorStatus(List.of(), null, null, false);
        }
    }
}
