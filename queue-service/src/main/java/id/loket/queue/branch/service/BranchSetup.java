package id.loket.queue.branch.service;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import id.loket.queue.branch.domain.BranchCalendar;
import id.loket.queue.branch.domain.ClosedDay;
import id.loket.queue.branch.domain.EndOfDayPolicy;
import id.loket.queue.branch.domain.HolidayKind;
import id.loket.queue.branch.domain.ServiceHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Creating and changing branches, service types, counters, service hours and holidays (set-up data, not events). */
@ApplicationScoped
public class BranchSetup {

    private final EntityManager em;
    private final BranchCache cache;

    BranchSetup(EntityManager em, BranchCache cache) {
        this.em = em;
        this.cache = cache;
    }

    @Transactional
    public Branch createBranch(String code, String name, String zoneId, EndOfDayPolicy policy, ServiceHours hours) {
        try {
            ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw new InvalidField("zoneId", "is not a time zone id (e.g. Asia/Jakarta)");
        }
        if (Branch.findById(code) != null) throw new RuleViolation("branch " + code + " already exists");
        Branch b = new Branch();
        b.code = code;
        b.name = name;
        b.zoneId = zoneId;
        b.endOfDayPolicy = (policy == null ? EndOfDayPolicy.CLOSE : policy).name();
        b.persist();
        cache.changed(code);
        if (hours != null) {
            em.flush(); // the branch row first: the hours refer to it
            replaceHours(code, hours);
        }
        return b;
    }

    public List<Branch> branches() {
        return Branch.listAll();
    }

    public Branch branch(String code) {
        // no code holds a control character, and PostgreSQL refuses a NUL in a query (a 500, not a 404)
        if (code.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such branch");
        Branch b = Branch.findById(code);
        if (b == null) throw new NotFound("no branch " + code);
        return b;
    }

    /** The branch's service hours; none set = open at any time. */
    public ServiceHours serviceHours(String code) {
        return ServiceHoursDay.ofBranch(code);
    }

    /** The branch's working-day calendar: its service hours and its holidays. */
    public BranchCalendar calendar(String code) {
        return BranchCalendar.of(serviceHours(code), holidays(code, null));
    }

    /** The branch's holidays in date order, of one year or (year null) all. */
    public List<ClosedDay> holidays(String code, Integer year) {
        List<Holiday> rows = year == null
                ? Holiday.list("key.branchCode = ?1 order by key.date", code)
                : Holiday.list("key.branchCode = ?1 and key.date >= ?2 and key.date < ?3 order by key.date", code,
                LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
        return rows.stream().map(Holiday::closedDay).toList();
    }

    /**
     * Declares the branch closed on a date (or renames / re-kinds a holiday already declared, which keeps the
     * time it was first declared: that is what an appointment booked before it is measured against).
     */
    @Transactional
    public ClosedDay setHoliday(String code, LocalDate date, String name, HolidayKind kind, Instant now) {
        if (em.find(Branch.class, code, LockModeType.PESSIMISTIC_WRITE) == null) throw new NotFound("no branch " + code);
        cache.changed(code);
        em.createNativeQuery("""
                INSERT INTO branch_holiday (branch_code, holiday_date, name, kind, declared_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (branch_code, holiday_date) DO UPDATE SET name = excluded.name, kind = excluded.kind""")
                .setParameter(1, code).setParameter(2, date).setParameter(3, name).setParameter(4, kind.name())
                .setParameter(5, now).executeUpdate();
        em.flush();
        em.clear(); // the row as stored (declared_at of the first declaration), not a stale copy
        return Holiday.<Holiday>findById(new Holiday.Key(code, date)).closedDay();
    }

    /** The branch works on that date again (its hours permitting); 404 when it was no holiday. */
    @Transactional
    public void removeHoliday(String code, LocalDate date) {
        if (em.find(Branch.class, code, LockModeType.PESSIMISTIC_WRITE) == null) throw new NotFound("no branch " + code);
        cache.changed(code);
        int removed = em.createNativeQuery("DELETE FROM branch_holiday WHERE branch_code = ?1 AND holiday_date = ?2")
                .setParameter(1, code).setParameter(2, date).executeUpdate();
        if (removed == 0) throw new NotFound("branch " + code + " has no holiday on " + date);
    }

    /** Replaces the branch's service hours (empty: open at any time from now on). */
    @Transactional
    public ServiceHours setServiceHours(String code, ServiceHours hours) {
        // the branch row, locked: two changes at once are one after the other, not a mix of both
        if (em.find(Branch.class, code, LockModeType.PESSIMISTIC_WRITE) == null) throw new NotFound("no branch " + code);
        cache.changed(code);
        replaceHours(code, hours);
        return serviceHours(code);
    }

    /** The branches that have service hours (and so a closing time). */
    public List<String> branchesWithServiceHours() {
        return em.createQuery("SELECT DISTINCT h.key.branchCode FROM ServiceHoursDay h ORDER BY h.key.branchCode", String.class).getResultList();
    }

    private void replaceHours(String code, ServiceHours hours) {
        em.createNativeQuery("DELETE FROM service_hours WHERE branch_code = ?1").setParameter(1, code).executeUpdate();
        for (Map.Entry<DayOfWeek, ServiceHours.Hours> e : hours.days().entrySet()) {
            em.createNativeQuery("INSERT INTO service_hours (branch_code, weekday, opens, closes) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, code).setParameter(2, e.getKey().getValue())
                    .setParameter(3, e.getValue().opens()).setParameter(4, e.getValue().closes())
                    .executeUpdate();
        }
    }

    /** waitTargetMinutes null: the default of 15 minutes. */
    @Transactional
    public ServiceType addServiceType(String branch, String code, String prefix, String name, Integer waitTargetMinutes) {
        branch(branch);
        if (ServiceType.of(branch, code).isPresent()) {
            throw new RuleViolation("branch " + branch + " already has service type " + code);
        }
        if (ServiceType.count("key.branchCode = ?1 and prefix = ?2", branch, prefix) > 0) {
            throw new RuleViolation("branch " + branch + " already uses ticket prefix " + prefix);
        }
        cache.changed(branch);
        ServiceType t = new ServiceType();
        t.key = new ServiceType.Key(branch, code);
        t.prefix = prefix;
        t.name = name;
        t.waitTargetMinutes = waitTargetMinutes == null ? ServiceType.DEFAULT_WAIT_TARGET_MINUTES : waitTargetMinutes;
        t.persist();
        return t;
    }

    /** Renames a service type and sets its wait target; its code and ticket prefix stay (numbers already drawn use them). */
    @Transactional
    public ServiceType changeServiceType(String branch, String code, String name, int waitTargetMinutes) {
        branch(branch);
        if (code.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such service type");
        ServiceType t = ServiceType.<ServiceType>findByIdOptional(new ServiceType.Key(branch, code), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("branch " + branch + " has no service type " + code));
        cache.changed(branch);
        t.name = name;
        t.waitTargetMinutes = waitTargetMinutes;
        return t;
    }

    @Transactional
    public Counter addCounter(String branch, String id, String name, List<String> serviceTypes) {
        branch(branch);
        if (Counter.findById(id) != null) throw new RuleViolation("counter " + id + " already exists");
        Counter c = new Counter();
        c.id = id;
        c.branchCode = branch;
        c.name = name;
        c.serviceTypes = checkedTypes(branch, serviceTypes);
        c.persist();
        return c;
    }

    @Transactional
    public Counter changeCounter(String id, String name, List<String> serviceTypes) {
        Counter c = counter(id);
        c.name = name;
        c.serviceTypes = checkedTypes(c.branchCode, serviceTypes);
        return c;
    }

    public Counter counter(String id) {
        if (id.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such counter"); // as branch(code)
        Counter c = Counter.findById(id);
        if (c == null) throw new NotFound("no counter " + id);
        return c;
    }

    private static List<String> checkedTypes(String branch, List<String> serviceTypes) {
        for (String t : serviceTypes) {
            if (ServiceType.of(branch, t).isEmpty()) {
                throw new InvalidField("serviceTypes", "branch " + branch + " has no service type " + t);
            }
        }
        return List.copyOf(new LinkedHashSet<>(serviceTypes));
    }
}
