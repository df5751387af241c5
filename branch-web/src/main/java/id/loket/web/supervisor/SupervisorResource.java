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
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** What the floor shows; a null part is a service that did not answer (its banner says so). */
    public record Floor(String branch, List<Queue.Waiting> waiting, List<Queue.CounterNow> counters, Queue.DayStats stats,
                        FeedbackApi.Figures csat) {
        public Double p90(String serviceType) {
            if (stats == null || stats.byServiceType() == null) return null;
            return stats.byServiceType().stream().filter(t -> serviceType.equals(t.key())).findFirst()
                    .map(Queue.Times::p90WaitSeconds).orElse(null);
        }

        public long served(String counterId) {
            if (stats == null || stats.byCounter() == null) return 0;
            return stats.byCounter().stream().filter(t -> counterId.equals(t.key())).findFirst().map(Queue.Times::visits).orElse(0L);
        }
    }

    public record Work(String me, List<Membership.Request> requests, List<Complaints.Complaint> complaints,
                       String message, ProblemBody problem) {
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
        Queue.Board board = null;
        Queue.DayStats stats = null;
        FeedbackApi.Figures csat = null;
        try {
            board = calls.call(Service.QUEUE, () -> queue.board(branch));
            stats = calls.call(Service.QUEUE, () -> queue.stats(branch));
        } catch (ServiceDown | ServiceRefused e) {
            if (e instanceof ServiceRefused r && r.status() == 401) throw r;
        }
        try {
            String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
            FeedbackApi.Satisfaction s = calls.call(Service.FEEDBACK, () -> feedback.satisfaction(branch, today, today));
            csat = s == null ? null : s.total();
        } catch (ServiceDown | ServiceRefused e) {
            // the banner names feedback-service; the floor goes on
        }
        return new Floor(branch, board == null ? List.of() : board.waiting(), board == null ? List.of() : board.nowServing(),
                stats, csat);
    }

    private Work work(String branch, String me, String message, ProblemBody problem) {
        List<Membership.Request> requests = List.of();
        List<Complaints.Complaint> overdue = List.of();
        try {
            requests = calls.call(Service.MEMBERSHIP, () -> membership.requests("deactivation-review", "PENDING"));
        } catch (ServiceDown | ServiceRefused e) {
            if (e instanceof ServiceRefused r && r.status() == 401) throw r;
        }
        try {
            overdue = calls.call(Service.COMPLAINT, () -> complaints.complaints(branch, true, null, 20)).items();
        } catch (ServiceDown | ServiceRefused e) {
            // the banner names complaint-service
        }
        return new Work(me, requests, overdue, message, problem);
    }
}
