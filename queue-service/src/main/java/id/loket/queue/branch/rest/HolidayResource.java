package id.loket.queue.branch.rest;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.HolidayKind;
import id.loket.queue.branch.service.BranchSetup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The days a branch is closed whatever its hours say: read by every staff role, set by ADMIN; on the user's own branch. */
@Path("/branches/{code}/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@BranchScoped
public class HolidayResource {

    /** A closed day: its name (e.g. "Hari Raya Natal") and kind. */
    public record SetHoliday(@NotBlank @Size(max = 100) String name, @NotNull HolidayKind kind) {
    }

    public record HolidayBody(String branch, LocalDate date, DayOfWeek day, String name, HolidayKind kind, Instant declaredAt) {
        static HolidayBody of(String branch, ClosedDay d) {
            return new HolidayBody(branch, d.date(), d.date().getDayOfWeek(), d.name(), d.kind(), d.declaredAt());
        }
    }

    private final BranchSetup setup;
    private final Clock clock;

    HolidayResource(BranchSetup setup, Clock clock) {
        this.setup = setup;
        this.clock = clock;
    }

    /** Declares the branch closed on a date: no kiosk or door tickets, no appointments that day. */
    @PUT
    @Path("/{date}")
    @RolesAllowed(Roles.ADMIN)
    public HolidayBody setHoliday(@Branch @PathParam("code") String code, @PathParam("date") String date,
                                  @Valid @NotNull SetHoliday body) {
        return HolidayBody.of(code, setup.setHoliday(code, date(date), body.name(), body.kind(), clock.instant()));
    }

    @DELETE
    @Path("/{date}")
    @RolesAllowed(Roles.ADMIN)
    public Response removeHoliday(@Branch @PathParam("code") String code, @PathParam("date") String date) {
        setup.removeHoliday(code, date(date));
        return Response.noContent().build();
    }

    /** The branch's holidays, of one year (?year=2026) or all. */
    @GET
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<HolidayBody> holidays(@Branch @PathParam("code") String code, @QueryParam("year") String year) {
        setup.branch(code);
        Integer y = null;
        if (year != null) {
            try {
                y = Integer.parseInt(year);
            } catch (NumberFormatException e) {
                throw new InvalidField("year", "must be a year, e.g. 2026");
            }
            if (y < 2000 || y > 2200) throw new InvalidField("year", "must be between 2000 and 2200");
        }
        return setup.holidays(code, y).stream().map(d -> HolidayBody.of(code, d)).toList();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField("date", "must be a date, yyyy-MM-dd");
        }
    }
}
