package id.loket.complaint.sla.service;

import id.loket.complaint.reference.service.BranchCalendars;
import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.complaint.complaint.domain.Complaint;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.complaint.config.ComplaintConfig;
import id.loket.complaint.sla.domain.SlaBreach;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches the running deadlines. A passed deadline gets one {@code ComplaintSlaBreached}, on its own stream
 * {@code sla-<complaintId>-<deadline>-<dueAt>}, decided by SlaBreach and created once: a second run, a second replica or
 * a restart finds the stream and adds nothing. An overdue complaint climbs the escalation ladder (supervisor,
 * then branch head once it is still open a further working period after its first breached deadline), and
 * those alerts go out only within the branch's service hours.
 */
@ApplicationScoped
public class SlaMonitor {

    private static final Logger LOG = Logger.getLogger(SlaMonitor.class);

    public record Run(int breaches, int escalations) {
    }

    private final AggregateRepository aggregates;
    private final ComplaintService complaints;
    private final BranchCalendars calendars;
    private final Clock clock;
    private final MetadataContext metadata;
    private final Duration branchHeadAfter;

    SlaMonitor(AggregateRepository aggregates, ComplaintService complaints, BranchCalendars calendars, Clock clock,
               MetadataContext metadata, ComplaintConfig config) {
        this.aggregates = aggregates;
        this.complaints = complaints;
        this.calendars = calendars;
        this.clock = clock;
        this.metadata = metadata;
        this.branchHeadAfter = config.escalation().branchHeadAfter();
    }

    public static String breachStream(UUID complaintId, String deadline, Instant dueAt) {
        return SlaBreach.streamId(complaintId, deadline, dueAt);
    }

    // the scheduler reads the interval itself; ComplaintConfig.SlaMonitor documents and checks it
    @Scheduled(every = "${complaint.sla-monitor.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("SLA monitor run failed; the next run picks it up", e);
        }
    }

    /** One pass over the overdue complaints; also called by tests with a clock they set. */
    @ActivateRequestContext
    public Run run() {
        Instant now = clock.instant();
        List<ComplaintView> overdue = QuarkusTransaction.requiringNew().call(() -> ComplaintView.<ComplaintView>list(
                "status <> 'RESOLVED' AND ((respondedAt IS NULL AND firstResponseDueAt < ?1)"
                        + " OR (status = 'OPEN' AND resolutionDueAt < ?1)) ORDER BY resolutionDueAt", now));
        Map<String, Optional<WorkingCalendar>> byBranch = new HashMap<>();
        int breaches = 0;
        int escalations = 0;
        for (ComplaintView v : overdue) {
            try {
                Instant firstBreached = null;
                if (v.respondedAt == null && v.firstResponseDueAt.isBefore(now)) {
                    if (breach(v, "FIRST_RESPONSE", v.firstResponseDueAt, now)) breaches++;
                    firstBreached = v.firstResponseDueAt;
                }
                if ("OPEN".equals(v.status) && v.resolutionDueAt.isBefore(now)) {
                    if (breach(v, "RESOLUTION", v.resolutionDueAt, now)) breaches++;
                    if (firstBreached == null || v.resolutionDueAt.isBefore(firstBreached)) firstBreached = v.resolutionDueAt;
                }
                Optional<WorkingCalendar> calendar = byBranch.computeIfAbsent(v.branch,
                        b -> QuarkusTransaction.requiringNew().call(() -> calendars.find(b)));
                if (calendar.isEmpty() || !calendar.get().isWithinServiceHours(now)) continue; // alerts in service hours only
                escalations += climb(v, calendar.get(), firstBreached, now);
            } catch (WrongExpectedVersionException | RuleViolation e) {
                // resolved or changed since it was read: the next run sees its new state
                LOG.debugf("complaint %s changed during the SLA run: %s", v.reference, e.getMessage());
            }
        }
        return new Run(breaches, escalations);
    }

    private boolean breach(ComplaintView v, String deadline, Instant dueAt, Instant now) {
        var detected = new SlaBreach.Detect(v.complaintId, v.reference, v.branch, v.category, deadline, dueAt, now);
        metadata.branch(v.branch);
        return QuarkusTransaction.requiringNew().call(() ->
                aggregates.createOnce(breachStream(v.complaintId, deadline, dueAt), SlaBreach.DECIDER, detected).created());
    }

    private int climb(ComplaintView v, WorkingCalendar calendar, Instant firstBreached, Instant now) {
        int before = count(v.escalatedTo);
        String to = calendar.addWorkingTime(firstBreached, branchHeadAfter).isAfter(now) ? "SUPERVISOR" : "BRANCH_HEAD";
        QuarkusTransaction.requiringNew().run(() -> {
            complaints.handle(v.complaintId, new Complaint.Command.Escalate("SUPERVISOR",
                    "overdue since " + firstBreached, "SLA_LADDER", now));
            if (to.equals("BRANCH_HEAD")) {
                complaints.handle(v.complaintId, new Complaint.Command.Escalate("BRANCH_HEAD",
                        "still open " + branchHeadAfter.toHours() + " working hours after " + firstBreached, "SLA_LADDER", now));
            }
        });
        ComplaintView after = QuarkusTransaction.requiringNew().call(() -> ComplaintView.<ComplaintView>findById(v.complaintId));
        return count(after.escalatedTo) - before;
    }

    private static int count(String csv) {
        return csv == null || csv.isEmpty() ? 0 : csv.split(",").length;
    }
}
