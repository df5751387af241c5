package id.loket.web.client;

import id.loket.web.PersonsToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** queue-service (README: screening, tickets, counters, the board). */
@RegisterRestClient(configKey = "queue")
@RegisterProvider(PersonsToken.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface QueueApi {

    @POST
    @Path("/screenings/check")
    Queue.Check check(Queue.Screen body);

    @POST
    @Path("/screenings")
    Queue.Screened screen(Queue.Screen body);

    @GET
    @Path("/branches/{code}")
    Queue.Branch branch(@PathParam("code") String code);

    @GET
    @Path("/branches/{code}/board")
    Queue.Board board(@PathParam("code") String code);

    @GET
    @Path("/branches/{code}/holidays")
    List<Queue.Holiday> holidays(@PathParam("code") String code, @QueryParam("year") int year);

    @GET
    @Path("/branches/{code}/stats")
    Queue.DayStats stats(@PathParam("code") String code);

    @POST
    @Path("/branches/{code}/end-of-day")
    Queue.EndOfDayResult endOfDay(@PathParam("code") String code);

    @GET
    @Path("/counters/{id}")
    Queue.Counter counter(@PathParam("id") String id);

    @GET
    @Path("/counters/{id}/console")
    Queue.Console console(@PathParam("id") String id);

    @GET
    @Path("/branches/{code}/floor")
    Queue.Floor floor(@PathParam("code") String code);

    @POST
    @Path("/counters/{id}/open")
    Queue.Counter open(@PathParam("id") String id, Queue.Open body);

    @POST
    @Path("/counters/{id}/close")
    Queue.Counter closeCounter(@PathParam("id") String id);

    /** 200 with the ticket called, 204 when nobody waits, 409 counter-busy naming the ticket it already has. */
    @POST
    @Path("/counters/{id}/call-next")
    Response callNext(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @GET
    @Path("/tickets/{id}")
    Queue.Ticket ticket(@PathParam("id") UUID id);

    @POST
    @Path("/tickets/{id}/recall")
    Queue.Ticket recall(@PathParam("id") UUID id);

    @POST
    @Path("/tickets/{id}/no-show")
    Queue.Ticket noShow(@PathParam("id") UUID id);

    @POST
    @Path("/tickets/{id}/return")
    Queue.Ticket returnToQueue(@PathParam("id") UUID id, Queue.ReturnToQueue body);

    @POST
    @Path("/tickets/{id}/start")
    Queue.Ticket start(@PathParam("id") UUID id);

    @POST
    @Path("/tickets/{id}/transfer")
    Queue.Ticket transfer(@PathParam("id") UUID id, Queue.Transfer body);

    @POST
    @Path("/tickets/{id}/close")
    Queue.Ticket close(@PathParam("id") UUID id, Queue.Close body);
}
