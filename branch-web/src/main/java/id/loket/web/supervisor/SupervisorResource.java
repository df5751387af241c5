package id.loket.web.supervisor;

import id.loket.platform.security.Roles;
import id.loket.web.Calls;
import id.loket.web.Languages;
import id.loket.web.PersonsToken;
import id.loket.web.Service;
import id.loket.web.ServiceDown;
import id.loket.web.ServiceRefused;
import id.loket.web.Who;
import id.loket.web.client.ComplaintApi;
import id.loket.web.client.Complaints;
import id.loket.web.client.FeedbackApi;
import id.loket.web.client.Membership;
import id.loket.web.client.MembershipApi;
import id.loket.web.client.ProblemBody;
import id.loket.web.client.Queue;
import id.loket.web.client.QueueApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The supervisor's floor, live: per service type waiting and today's p90 against the target, the counters, the
 * requests to approve (never their own: membership-service refuses that, four eyes), complaints past or near their SLA,
 * today's CSAT, end of day. The page listens to {@code /supervisor/stream} (htmx-ext-sse): every few seconds this
 * renders the fragments again from the services, with the token the supervisor opened the stream with.
 */
@Path("/supervisor")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SUPERVISOR)
public class SupervisorResource {

    /**
     * What the floor shows, each part as its service reckons it (queue-service the waits, counters and alerts;
     * feedback-service today's CSAT); a null part is a service that did not answer (its banner says so).
     */
    public record Floor(String branch, Queue.Floor floor, FeedbackApi.Today csat) {
        public List<Queue.FloorType> serviceTypes() {
            return floor == null ? List.of() : floor.serviceTypes();
        }

        public List<Queue.FloorCounter> counters() {
            return floor == null ? List.of() : floor.counters();
        }

        public List<Queue.Alert> alerts() {
            return floor == null ? List.of() : floor.alerts();
        }
    }

    /** The requests to decide and the complaints that need attention (null: complaint-service did not answer). */
    public record Work(String me, List<Membership.Request> requests, Complaints.Attention attention,
                       String message, ProblemBody problem) {
        public List<Complaints.AttentionItem> complaints() {
            return attention == null || attention.items() == null ? List.of() : attention.items();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Floor floor, Work work);

        static native TemplateInstance page$floor(Floor floor);

        static native TemplateInstance page$work(Work work);
    }

    private final QueueApi queue;
    private final MembershipApi membership;
    private final ComplaintApi complaints;
    private final FeedbackApi feedback;
    private final Calls calls;
    private final Who who;
    private final PersonsToken tokens;
    private final Languages languages;
    private final Duration every;

    SupervisorResource(@RestClient QueueApi queue, @RestClient MembershipApi membership, @RestClient ComplaintApi complaints,
                       @RestClient FeedbackApi feedback, Calls calls, Who who, PersonsToken tokens, Languages languages,
                       @ConfigProperty(name = "loket.web.floor-every", defaultValue = "5s") Duration every) {
        this.queue = queue;
        this.membership = membership;
        this.complaints = complaints;
        this.feedback = feedback;
        this.calls = calls;
        this.who = who;
        this.tokens = tokens;
        this.languages = languages;
        this.every = every;
    }

    @GET
    public TemplateInstance page() {
        return Templates.page(floor(who.branch()), work(who.branch(), who.name(), null, null));
    }

    /**
     * Server-Sent Events: {@code floor} and {@code work}, each a fragment of the page, every few seconds. Outside the
     * request, so the person's token, name, branch and language are taken now; when the token has expired the page is
     * told to reload (which renews the session or signs in again).
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        String token = tokens.currentToken();
        String branch = who.branch();
        String me = who.name();
        Locale locale = languages.current();
        return Multi.createFrom().ticks().every(every).onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToIterable(tick -> {
                    PersonsToken.EXPLICIT.set(token);
                    try {
                        String floor = Templates.page$floor(floor(branch)).setLocale(locale).render();
                        String work = Templates.page$work(work(branch, me, null, null)).setLocale(locale).render();
                        return List.of(sse.newEventBuilder().name("floor").data(floor).build(),
                                sse.newEventBuilder().name("work").data(work).build());
                    } catch (ServiceRefused e) {
                        if (e.status() == 401) {
                            return List.of(sse.newEventBuilder().name("expired").data("<script>location.reload()</script>").build());
                        }
                        throw e;
                    } finally {
                        PersonsToken.EXPLICIT.remove();
                    }
                });
    }

    @POST
    @Path("permintaan/{participantId}/{requestId}/{kind: setujui|tolak}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("participantId") UUID participantId, @PathParam("requestId") UUID requestId,
                           @PathParam("kind") String kind, @FormParam("reversal") boolean reversal,
                           @FormParam("reason") String reason) {
        try {
            calls.run(Service.MEMBERSHIP, () -> {
                if ("setujui".equals(kind)) {
                    if (reversal) membership.approveReversal(participantId, requestId);
                    else membership.approveDeactivation(participantId, requestId);
                } else {
                    Membership.Reject body = new Membership.Reject(reason);
                    if (reversal) membership.rejectReversal(participantId, requestId, body);
                    else membership.rejectDeactivation(participantId, requestId, body);
                }
            });
            return Response.ok(Templates.page$work(work(who.branch(), who.name(), "setujui".equals(kind) ? "approved" : "rejected", null))).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403 && !"four-eyes".equals(e.problem().slug())) throw e;
            return Response.status(e.status()).entity(Templates.page$work(work(who.branch(), who.name(), null, e.problem()))).build();
        }
    }

    @POST
    @Path("akhir-hari")
    public Response endOfDay() {
        try {
            calls.call(Service.QUEUE, () -> queue.endOfDay(who.branch()));
            return Response.ok(Templates.page$work(work(who.branch(), who.name(), "eod", null))).build();
        } catch (ServiceRefused e) {
            if (e.status() == 403) throw e;
            return Response.status(e.status()).entity(Templates.page$work(work(who.branch(), who.name(), null, e.problem()))).build();
        }
    }

    private Floor floor(String branch) {
        Queue.Floor floor = null;
        FeedbackApi.Today csat = null;
        try {
            floor = calls.call(Service.QUEUE, () -> queue.floor(branch));
        } catch (ServiceDown | ServiceRefused e) {
            if (e instanceof ServiceRefused r && r.status() == 401) throw r;
        }
        try {
            csat = calls.call(Service.FEEDBACK, () -> feedback.today(branch));
        } catch (ServiceDown | ServiceRefused e) {
            // the banner names feedback-service; the floor goes on
        }
        return new Floor(branch, floor, csat);
    }

    private Work work(String branch, String me, String message, ProblemBody problem) {
        List<Membership.Request> requests = List.of();
        Complaints.Attention attention = null;
        try {
            requests = calls.call(Service.MEMBERSHIP, () -> membership.requests("deactivation-review", "PENDING"));
        } catch (ServiceDown | ServiceRefused e) {
            if (e instanceof ServiceRefused r && r.status() == 401) throw r;
        }
        try {
            attention = calls.call(Service.COMPLAINT, () -> complaints.attention(branch, 20));
        } catch (ServiceDown | ServiceRefused e) {
            // the banner names complaint-service
        }
        return new Work(me, requests, attention, message, problem);
    }
}
