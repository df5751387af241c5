package id.loket.queue.branch.rest;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.branch.domain.ServiceHours;
import id.loket.queue.branch.service.BranchSetup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A branch's weekly service hours: read by every staff role, replaced by ADMIN; on the user's own branch. */
@Path("/branches/{code}/service-hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@BranchScoped
public class ServiceHoursResource {

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
        static ServiceHoursBody of(id.loket.queue.branch.service.Branch b, ServiceHours h) {
            return new ServiceHoursBody(b.code, b.zoneId, h.alwaysOpen(), h.describe(), weekDays(h));
        }
    }

    private final BranchSetup setup;

    ServiceHoursResource(BranchSetup setup) {
        this.setup = setup;
    }

    @GET
    @RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN})
    public ServiceHoursBody serviceHours(@Branch @PathParam("code") String code) {
        return ServiceHoursBody.of(setup.branch(code), setup.serviceHours(code));
    }

    /** Replaces the week's service hours; tickets from the kiosk or the door are taken only within them. */
    @PUT
    @RolesAllowed(Roles.ADMIN)
    public ServiceHoursBody setServiceHours(@Branch @PathParam("code") String code, @Valid @NotNull SetServiceHours body) {
        ServiceHours hours = setup.setServiceHours(code, hours("hours", body.hours()));
        return ServiceHoursBody.of(setup.branch(code), hours);
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

    static List<DayHours> weekDays(ServiceHours h) {
        List<DayHours> out = new ArrayList<>();
        h.days().forEach((d, t) -> out.add(new DayHours(d, t.opens().toString(), t.closes().toString())));
        return out;
    }
}
