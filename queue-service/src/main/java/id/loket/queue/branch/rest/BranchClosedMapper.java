package id.loket.queue.branch.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.http.Problem;
import id.loket.queue.branch.domain.BranchClosed;
import id.loket.queue.branch.domain.HolidayKind;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 409 problem+json for a ticket asked for outside service hours or on a holiday, in the platform's problem shape
 * plus members the kiosk can show: when the branch opens next, as an instant and in the branch's local time, and
 * the holiday (date, name, kind) when it is one.
 */
public class BranchClosedMapper {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BranchClosedProblem(String type, String title, int status, String detail, String correlationId,
                                      String branch, Instant opensAt, String opensAtLocal, HolidayBody holiday) {
    }

    /** Present when the branch is closed for a holiday. */
    public record HolidayBody(LocalDate date, String name, HolidayKind kind) {
    }

    @ServerExceptionMapper
    public Response closed(BranchClosed e) {
        String correlationId = null;
        try {
            correlationId = MetadataContext.current().correlationId();
        } catch (RuntimeException ignored) {
            // no request context: the problem goes out without it
        }
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new BranchClosedProblem("https://loket.id/problems/branch-closed", "Branch closed", 409,
                        e.getMessage(), correlationId, e.branch(), e.opensAt().toInstant(),
                        e.opensAt().toOffsetDateTime().toString(),
                        e.holiday() == null ? null : new HolidayBody(e.holiday().date(), e.holiday().name(), e.holiday().kind())))
                .build();
    }
}
