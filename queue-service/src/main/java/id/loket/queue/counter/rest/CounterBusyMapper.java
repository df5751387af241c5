package id.loket.queue.counter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.http.Problem;
import id.loket.queue.counter.domain.CounterBusy;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** 409 problem+json for call-next at a busy counter, with the ticket it already has (the console shows it). */
public class CounterBusyMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CounterBusyProblem(String type, String title, int status, String detail, String correlationId,
                                     String counterId, UUID ticketId, String ticketNumber, String ticketState) {
    }

    @ServerExceptionMapper
    public Response busy(CounterBusy e) {
        String correlationId = null;
        try {
            correlationId = MetadataContext.current().correlationId();
        } catch (RuntimeException ignored) {
            // no request context: the problem goes out without it
        }
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new CounterBusyProblem("https://loket.id/problems/counter-busy", "Counter busy", 409,
                        e.getMessage(), correlationId, e.counterId(), e.ticketId(), e.ticketNumber(), e.ticketState()))
                .build();
    }
}
