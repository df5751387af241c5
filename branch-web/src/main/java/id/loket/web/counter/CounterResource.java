package id.loket.web.counter;

import id.loket.platform.security.Roles;
import id.loket.web.Calls;
import id.loket.web.Service;
import id.loket.web.ServiceDown;
import id.loket.web.ServiceRefused;
import id.loket.web.Who;
import id.loket.web.client.ComplaintApi;
import id.loket.web.client.FeedbackApi;
import id.loket.web.client.ProblemBody;
import id.loket.web.client.Queue;
import id.loket.web.client.QueueApi;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The counter console (frontliner, desktop): one primary action per state (open → call next → start → close), recall,
 * no-show, transfer, return to the queue; the current ticket; the waiting for this counter's service types against
 * their targets; after close, the survey QR. The ticket in hand travels in the page's URL (?tiket=), so a reload keeps
 * it; queue-service keeps the truth (a second call-next is its 409 naming the ticket the counter already has).
 */
@Path("/loket")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.FRONTLINER, Roles.SUPERVISOR})
public class CounterResource {

    /**
     * What the console shows: queue-service's console of the counter (state, the current ticket with what the door
     * saw, the waiting it serves against the targets) and the ticket in hand (also a closed one, for its survey QR).
     */
    public record Console(Queue.Console counter, Queue.Ticket ticket, List<String> serviceTypes, List<String> channels,
                          String message, ProblemBody problem) {
        public boolean called() {
            return ticket != null && "CALLED".equals(ticket.state());
        }

        public boolean serving() {
            return ticket != null && "SERVING".equals(ticket.state());
        }

        public boolean closedVisit() {
            return ticket != null && "CLOSED".equals(ticket.state()) && ticket.visitId() != null;
        }

        /** The frontliner may work on the participant (reads state the visit as their purpose). */
        public boolean inVisit() {
            return called() || serving();
        }

        public String visitPurpose() {
            return ticket == null || ticket.visitId() == null ? "" : "visit:" + ticket.visitId();
        }

        /** queue-service's view of the ticket in hand (times, recalls, what may be done), when it is the current one. */
        public Queue.Current current() {
            Queue.Current c = counter.current();
            return c != null && ticket != null && c.ticketId().equals(ticket.id()) ? c : null;
        }

        /** What the door saw of this visit (its purpose, the membership status), or null (a kiosk ticket). */
        public Queue.Door door() {
            Queue.Current c = current();
            return c == null ? null : c.door();
        }

        public boolean recallAllowed() {
            Queue.Current c = current();
            return c == null || c.recallAllowed();
        }

        public boolean noShowAllowed() {
            Queue.Current c = current();
            return c == null || c.noShowAllowed();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance picker(List<Queue.CounterNow> counters);

        static native TemplateInstance page(Console console);

        static native TemplateInstance page$work(Console console);

        static native TemplateInstance survey(String counterId, String visitId, FeedbackApi.VisitSurvey survey);
    }

    private final QueueApi queue;
    private final ComplaintApi complaints;
    private final FeedbackApi feedback;
    private final Calls calls;
    private final Who who;

    CounterResource(@RestClient QueueApi queue, @RestClient ComplaintApi complaints, @RestClient FeedbackApi feedback,
                    Calls calls, Who who) {
        this.queue = queue;
        this.complaints = complaints;
        this.feedback = feedback;
        this.calls = calls;
        this.who = who;
    }

    /** The branch's counters (from the board, which every staff role may read). */
    @GET
    public TemplateInstance picker() {
        Queue.Board board = calls.call(Service.QUEUE, () -> queue.board(who.branch()));
        return Templates.picker(board.nowServing());
    }

    @GET
    @Path("{counterId}")
    public TemplateInstance page(@PathParam("counterId") String counterId, @QueryParam("tiket") UUID ticketId) {
        Queue.Ticket ticket = ticketId == null ? null : calls.call(Service.QUEUE, () -> queue.ticket(ticketId));
        return Templates.page(console(counterId, ticket, null, null));
    }

    @POST
    @Path("{counterId}/buka")
    public Response open(@PathParam("counterId") String counterId) {
        return act(counterId, null, () -> {
            queue.open(counterId, new Queue.Open(who.name()));
            return null;
        });
    }

    @POST
    @Path("{counterId}/tutup")
    public Response closeCounter(@PathParam("counterId") String counterId) {
        return act(counterId, null, () -> {
            queue.closeCounter(counterId);
            return null;
        });
    }

    /**
     * Call the next visitor. The browser sends one Idempotency-Key per click (loket.js), the same on a retry, and
     * queue-service answers a retry with the same ticket; a counter that already has one gets 409 naming it, which
     * the console then shows instead of calling anyone.
     */
    @POST
    @Path("{counterId}/panggil")
    public Response callNext(@PathParam("counterId") String counterId, @HeaderParam("Idempotency-Key") String key) {
        try {
            Response r = calls.call(Service.QUEUE, () -> queue.callNext(counterId, key));
            if (r.getStatus() == 204) return work(console(counterId, null, "nobody", null), null);
            Queue.Ticket t = r.readEntity(Queue.Ticket.class);
            return work(console(counterId, t, null, null), t);
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            if ("counter-busy".equals(e.problem().slug()) && e.problem().ticketId() != null) {
                Queue.Ticket t = calls.call(Service.QUEUE, () -> queue.ticket(e.problem().ticketId()));
                return work(console(counterId, t, "busy", e.problem()), t);
            }
            return work(console(counterId, null, null, e.problem()), null);
        }
    }

    @POST
    @Path("{counterId}/tiket/{ticketId}/{action: recall|no-show|return|start}")
    public Response ticketAction(@PathParam("counterId") String counterId, @PathParam("ticketId") UUID ticketId,
                                 @PathParam("action") String action) {
        return act(counterId, ticketId, () -> switch (action) {
            case "recall" -> queue.recall(ticketId);
            case "no-show" -> queue.noShow(ticketId);
            case "return" -> queue.returnToQueue(ticketId, new Queue.ReturnToQueue(who.name()));
            default -> queue.start(ticketId);
        });
    }

    @POST
    @Path("{counterId}/tiket/{ticketId}/alihkan")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("counterId") String counterId, @PathParam("ticketId") UUID ticketId,
                             @FormParam("serviceType") String serviceType) {
        return act(counterId, ticketId, () -> queue.transfer(ticketId, new Queue.Transfer(serviceType)));
    }

    @POST
    @Path("{counterId}/tiket/{ticketId}/selesai")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("counterId") String counterId, @PathParam("ticketId") UUID ticketId,
                          @FormParam("outcome") String outcome, @FormParam("channel") List<String> channels,
                          @FormParam("complaintId") String complaintId) {
        return act(counterId, ticketId, () -> queue.close(ticketId, new Queue.Close(
                outcome == null || outcome.isBlank() ? "SERVED" : outcome,
                complaintId == null || complaintId.isBlank() ? null : complaintId,
                channels == null ? List.of() : channels.stream().limit(10).toList())));
    }

    /** The visit's survey link and QR: polled after close until feedback-service has made the survey (202 before). */
    @GET
    @Path("{counterId}/survei/{visitId}")
    public Response survey(@PathParam("counterId") String counterId, @PathParam("visitId") String visitId) {
        Response r = calls.call(Service.FEEDBACK, () -> feedback.visitSurvey(visitId));
        FeedbackApi.VisitSurvey s = r.getStatus() == 200 ? r.readEntity(FeedbackApi.VisitSurvey.class) : null;
        return Response.ok(Templates.survey(counterId, visitId, s)).build();
    }

    /** The QR image through branch-web: the counter screen needs no route of its own to feedback-service. */
    @GET
    @Path("survei/{visitId}/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("visitId") String visitId) {
        Response r = calls.call(Service.FEEDBACK, () -> feedback.visitSurvey(visitId));
        if (r.getStatus() != 200) return Response.status(404).build();
        String page = r.readEntity(FeedbackApi.VisitSurvey.class).pageUrl();
        String token = page.substring(page.lastIndexOf('/') + 1);
        byte[] png = calls.call(Service.FEEDBACK, () -> feedback.qr(token));
        return Response.ok(png, "image/png").header("Cache-Control", "no-store").build();
    }

    private interface Action {
        Queue.Ticket run();
    }

    /** One counter action; the console again, with the service's words when it refused. */
    private Response act(String counterId, UUID ticketId, Action action) {
        try {
            Queue.Ticket t = calls.call(Service.QUEUE, action::run);
            if (t == null && ticketId != null) t = calls.call(Service.QUEUE, () -> queue.ticket(ticketId));
            return work(console(counterId, t, null, null), t);
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            Queue.Ticket t = ticketId == null ? null : calls.call(Service.QUEUE, () -> queue.ticket(ticketId));
            return work(console(counterId, t, null, e.problem()), t);
        }
    }

    /** The working area again, and the page's URL naming the ticket in hand (a reload keeps it). */
    private Response work(Console console, Queue.Ticket ticket) {
        String url = "/loket/" + console.counter().counterId()
                + (ticket != null && !"NO_SHOW".equals(ticket.state()) && !"WAITING".equals(ticket.state()) ? "?tiket=" + ticket.id() : "");
        return Response.ok(Templates.page$work(console)).header("HX-Replace-Url", URI.create(url).toString()).build();
    }

    /** The console as queue-service has it; without a ticket in hand, the one the counter has called or is serving. */
    private Console console(String counterId, Queue.Ticket ticket, String message, ProblemBody problem) {
        Queue.Console counter = calls.call(Service.QUEUE, () -> queue.console(counterId));
        Queue.Ticket inHand = ticket;
        if (inHand == null && counter.current() != null) {
            UUID current = counter.current().ticketId();
            inHand = calls.call(Service.QUEUE, () -> queue.ticket(current));
        }
        List<String> types;
        try {
            types = calls.call(Service.QUEUE, () -> queue.branch(counter.branch())).serviceTypes().stream()
                    .map(Queue.ServiceType::code).toList();
        } catch (ServiceDown | ServiceRefused e) {
            types = counter.serviceTypes();
        }
        return new Console(counter, inHand, types, channels(), message, problem);
    }

    /** The digital channels to teach, as complaint-service lists them (the same list its education records take). */
    private List<String> channels() {
        try {
            return calls.call(Service.COMPLAINT, complaints::digitalChannels);
        } catch (ServiceDown | ServiceRefused e) {
            return List.of("MOBILE_JKN", "PANDAWA", "CARE_CENTER_165");
        }
    }
}
