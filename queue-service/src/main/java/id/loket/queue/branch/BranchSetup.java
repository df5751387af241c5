package id.loket.queue.branch;

import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;

/** Creating and changing branches, service types and counters (set-up data, not events). */
@ApplicationScoped
public class BranchSetup {

    public enum EndOfDayPolicy { CLOSE, CARRY_OVER }

    @Transactional
    public Branch createBranch(String code, String name, String zoneId, EndOfDayPolicy policy) {
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
        return b;
    }

    public Branch branch(String code) {
        // no code holds a control character, and PostgreSQL refuses a NUL in a query (a 500, not a 404)
        if (code.chars().anyMatch(Character::isISOControl)) throw new NotFound("no such branch");
        Branch b = Branch.findById(code);
        if (b == null) throw new NotFound("no branch " + code);
        return b;
    }

    @Transactional
    public ServiceType addServiceType(String branch, String code, String prefix, String name) {
        branch(branch);
        if (ServiceType.of(branch, code).isPresent()) {
            throw new RuleViolation("branch " + branch + " already has service type " + code);
        }
        if (ServiceType.count("key.branchCode = ?1 and prefix = ?2", branch, prefix) > 0) {
            throw new RuleViolation("branch " + branch + " already uses ticket prefix " + prefix);
        }
        ServiceType t = new ServiceType();
        t.key = new ServiceType.Key(branch, code);
        t.prefix = prefix;
        t.name = name;
        t.persist();
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
