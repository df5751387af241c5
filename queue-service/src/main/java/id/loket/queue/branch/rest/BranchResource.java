package id.loket.queue.branch.rest;

import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.HolidayKind;
import id.loket.queue.branch.domain.ServiceHours;
import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.ServiceHoursDay;
import id.loket.queue.branch.service.ServiceType;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Admin: branches, their service types, counters, service hours and holidays. Changes are ADMIN's (counters also the branch's SUPERVISOR),
 * reads every staff role's; all on the user's own branch (a national admin or analyst: every branch).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BranchResource {

    public record CreateBranch(@NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}") String code,
                               @NotBlank @Size(max = 100) String name,
                               @NotBlank String zoneId,
                               EndOfDayPolicy endOfDayPolicy,
                               List<HoursEntry> serviceHours) {
    }

    /**
     * Opening hours for one or more weekdays, local times in the branch's zone, e.g. MONDAY–FRIDAY 08:00–15:00.
     * Checked by {@link #hours} rather than by annotations, so that a 400 names the entry ("hours[1].days").
     */
    public record HoursEntry(List<DayOfWeek> days, LocalTime opens, LocalTime closes) {
    }

    /** The whole week at once; an empty list means open at any time. */
    public record SetServiceHours(@NotNull List<HoursEntry> hours) {
    }

    public record DayHours(DayOfWeek day, String opens, String closes) {
    }

    public record ServiceHoursBody(String branch, String zoneId, boolean alwaysOpen, String description,
                                   List<DayHours> days) {
        static ServiceHoursBody of(Branch b, ServiceHours h) {
            return new ServiceHoursBody(b.code, b.zoneId, h.alwaysOpen(), h.describe(), weekDays(h));
        }
    }

    /** A closed day: its name (e.g. "Hari Raya Natal") and kind. */
    public record SetHoliday(@NotBlank @Size(max = 100) String name, @NotNull HolidayKind kind) {
    }

    public record HolidayBody(String branch, LocalDate date, DayOfWeek day, String name, HolidayKind kind, Instant declaredAt) {
        static HolidayBody of(String branch, ClosedDay d) {
            return new HolidayBody(branch, d.date(), d.date().getDayOfWeek(), d.name(), d.kind(), d.declaredAt());
        }
    }

    /** waitTargetMinutes: how long a visitor of this type should wait at most; 15 when left out. */
    public record CreateServiceType(@NotBlank @Pattern(regexp = "[A-Z0-9]{1,5}") String code,
                                    @NotBlank @Pattern(regexp = "[A-Z]{1,3}") String prefix,
                                    @NotBlank @Size(max = 100) String name,
                                    @Min(1) @Max(480) Integer waitTargetMinutes) {
    }

    /** The code and prefix of a service type do not change (ticket numbers carry the prefix). */
    public record ChangeServiceType(@NotBlank @Size(max = 100) String name,
                                    @NotNull @Min(1) @Max(480) Integer waitTargetMinutes) {
    }

    public record CreateCounter(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,30}") String id,
                                @NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ChangeCounter(@NotBlank @Size(max = 100) String name,
                                @NotEmpty List<@NotBlank String> serviceTypes) {
    }

    public record ServiceTypeBody(String code, String prefix, String name, int waitTargetMinutes) {
        static ServiceTypeBody of(ServiceType t) {
            return new ServiceTypeBody(t.key.code(), t.prefix, t.name, t.waitTargetMinutes);
        }
    }

    public record CounterBody(String id, String branch, String name, List<String> serviceTypes, boolean open,
                              String staffedBy) {
        public static CounterBody of(Counter c) {
            return new CounterBody(c.id, c.branchCode, c.name, c.serviceTypes, c.isOpen(), c.staffedBy);
        }
    }

    /** serviceHours: one entry per open weekday; empty = open at any time. */
    public record BranchBody(String code, String name, String zoneId, String endOfDayPolicy,
                             List<DayHours> serviceHours, List<ServiceTypeBody> serviceTypes, List<CounterBody> counters) {
        static BranchBody of(Branch b) {
            return new BranchBody(b.code, b.name, b.zoneId, b.endOfDayPolicy, weekDays(ServiceHoursDay.ofBranch(b.code)),
                    ServiceType.ofBranch(b.code).stream().map(ServiceTypeBody::of).toList(),
                    Counter.ofBranch(b.code).stream().map(CounterBody::of).toList());
        }
    }

    private final BranchSetup setup;
    private final CurrentActor actor;
    private final Clock clock;

    BranchResource(BranchSetup setup, CurrentActor actor, Clock clock) {
        this.setup = setup;
        this.actor = actor;
        this.clock = clock;
    }

    @POST
    @Path("branches")
    @RolesAllowed(Roles.ADMIN)
    public Response createBranch(@Valid @NotNull CreateBranch body) {
        actor.requireBranch(body.code()); // an admin of one branch creates no other
        ServiceHours hours = body.serviceHours() == null ? null : hours("serviceHours", body.serviceHours());
        Branch b = setup.createBranch(body.code(), body.name(), body.zoneId(), body.endOfDayPolicy(), hours);
        return Response.created(URI.create("/branches/" + b.code)).entity(BranchBody.of(b)).build();
    }

    @GET
    @Path("branches")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<BranchBody> branches() {
        // a branch's user sees their own branch; a national admin or analyst sees all
        return Branch.<Branch>listAll().stream().filter(b -> actor.mayActOn(b.code)).map(BranchBody::of).toList();
    }

    @GET
    @Path("branches/{code}")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public BranchBody branch(@PathParam("code") String code) {
        actor.requireBranch(code);
        return BranchBody.of(setup.branch(code));
    }

    @GET
    @Path("branches/{code}/service-hours")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public ServiceHoursBody serviceHours(@PathParam("code") String code) {
        actor.requireBranch(code);
        return ServiceHoursBody.of(setup.branch(code), setup.serviceHours(code));
    }

    /** Replaces the week's service hours; tickets from the kiosk or the door are taken only within them. */
    @PUT
    @Path("branches/{code}/service-hours")
    @RolesAllowed(Roles.ADMIN)
    public ServiceHoursBody setServiceHours(@PathParam("code") String code, @Valid @NotNull SetServiceHours body) {
        actor.requireBranch(code);
        ServiceHours hours = setup.setServiceHours(code, hours("hours", body.hours()));
        return ServiceHoursBody.of(setup.branch(code), hours);
    }

    /** Declares the branch closed on a date: no kiosk or door tickets, no appointments that day. */
    @PUT
    @Path("branches/{code}/holidays/{date}")
    @RolesAllowed(Roles.ADMIN)
    public HolidayBody setHoliday(@PathParam("code") String code, @PathParam("date") String date, @Valid @NotNull SetHoliday body) {
        actor.requireBranch(code);
        return HolidayBody.of(code, setup.setHoliday(code, date(date), body.name(), body.kind(), clock.instant()));
    }

    @DELETE
    @Path("branches/{code}/holidays/{date}")
    @RolesAllowed(Roles.ADMIN)
    public Response removeHoliday(@PathParam("code") String code, @PathParam("date") String date) {
        actor.requireBranch(code);
        setup.removeHoliday(code, date(date));
        return Response.noContent().build();
    }

    /** The branch's holidays, of one year (?year=2026) or all. */
    @GET
    @Path("branches/{code}/holidays")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<HolidayBody> holidays(@PathParam("code") String code, @QueryParam("year") String year) {
        actor.requireBranch(code);
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

    @POST
    @Path("branches/{code}/service-types")
    @RolesAllowed(Roles.ADMIN)
    public Response addServiceType(@PathParam("code") String code, @Valid @NotNull CreateServiceType body) {
        actor.requireBranch(code);
        ServiceType t = setup.addServiceType(code, body.code(), body.prefix(), body.name(), body.waitTargetMinutes());
        return Response.status(201).entity(ServiceTypeBody.of(t)).build();
    }

    @PUT
    @Path("branches/{code}/service-types/{type}")
    @RolesAllowed(Roles.ADMIN)
    public ServiceTypeBody changeServiceType(@PathParam("code") String code, @PathParam("type") String type,
                                             @Valid @NotNull ChangeServiceType body) {
        actor.requireBranch(code);
        return ServiceTypeBody.of(setup.changeServiceType(code, type, body.name(), body.waitTargetMinutes()));
    }

    @GET
    @Path("branches/{code}/service-types")
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public List<ServiceTypeBody> serviceTypes(@PathParam("code") String code) {
        actor.requireBranch(code);
        setup.branch(code);
        return ServiceType.ofBranch(code).stream().map(ServiceTypeBody::of).toList();
    }

    @POST
    @Path("branches/{code}/counters")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public Response addCounter(@PathParam("code") String code, @Valid @NotNull CreateCounter body) {
        actor.requireBranch(code);
        Counter c = setup.addCounter(code, body.id(), body.name(), body.serviceTypes());
        return Response.created(URI.create("/counters/" + c.id)).entity(CounterBody.of(c)).build();
    }

    @GET
    @Path("branches/{code}/counters")
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR})
    public List<CounterBody> counters(@PathParam("code") String code) {
        actor.requireBranch(code);
        setup.branch(code);
        return Counter.ofBranch(code).stream().map(CounterBody::of).toList();
    }

    /** The entries as a week, each weekday at most once and closing after it opens (else 400 naming the entry). */
    static ServiceHours hours(String field, List<HoursEntry> entries) {
        Map<DayOfWeek, ServiceHours.Hours> week = new EnumMap<>(DayOfWeek.class);
        for (int i = 0; i < entries.size(); i++) {
            HoursEntry e = entries.get(i);
            String at = field + "[" + i + "]";
            if (e == null) throw new InvalidField(at, "must not be null");
            if (e.days() == null || e.days().isEmpty()) throw new InvalidField(at + ".days", "must name at least one weekday");
            if (e.days().contains(null)) throw new InvalidField(at + ".days", "must not contain null");
            if (e.opens() == null) throw new InvalidField(at + ".opens", "is required (HH:mm)");
            if (e.closes() == null) throw new InvalidField(at + ".closes", "is required (HH:mm)");
            if (!e.opens().isBefore(e.closes())) {
                throw new InvalidField(at + ".closes", "must be after opens (" + e.opens() + ")");
            }
            for (DayOfWeek d : e.days()) {
                if (week.put(d, new ServiceHours.Hours(e.opens(), e.closes())) != null) {
                    throw new InvalidField(at + ".days", d + " is given more than once");
                }
            }
        }
        return new ServiceHours(week);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidField("date", "must be a date, yyyy-MM-dd");
        }
    }

    static List<DayHours> weekDays(ServiceHours h) {
        List<DayHours> out = new ArrayList<>();
        h.days().forEach((d, t) -> out.add(new DayHours(d, t.opens().toString(), t.closes().toString())));
        return out;
    }
}
