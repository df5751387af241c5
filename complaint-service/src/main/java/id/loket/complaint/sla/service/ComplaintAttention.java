package id.loket.complaint.sla.service;

import id.loket.complaint.config.ComplaintConfig;
import id.loket.complaint.reference.service.BranchCalendars;
import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.service.ComplaintService;
import id.loket.complaint.complaint.service.ComplaintService.Deadline;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A branch's complaints that need the supervisor now: a running deadline has passed (overdue, by the rule of
 * {@code GET /complaints?overdue=true}, the SLA monitor and the overdue gauge) or falls within
 * {@link ComplaintConfig.Attention#dueSoonWithin()} of service-hours time. Most urgent first: the earliest running deadline.
 */
@ApplicationScoped
public class ComplaintAttention {

    public record Item(ComplaintView complaint, Deadline deadline, boolean overdue, Duration left, Duration workingLeft) {
    }

    public record Result(Instant asOf, Duration dueSoonWithin, long overdue, long total, int page, int size,
                         List<Item> items) {
    }

    private static final String NEEDS_ATTENTION = "branch = :branch AND " + ComplaintService.runningDeadlineBefore(":horizon");

    private final BranchCalendars calendars;
    private final ComplaintConfig.Attention config;
    private final Clock clock;

    ComplaintAttention(BranchCalendars calendars, ComplaintConfig config, Clock clock) {
        this.calendars = calendars;
        this.config = config.attention();
        this.clock = clock;
    }

    /** {@code field} names the branch in a 400 when the branch is not in the reference data. */
    public Result of(String branch, String field, int page, int size) {
        WorkingCalendar calendar = calendars.of(branch, field);
        Instant now = clock.instant();
        Instant horizon = calendar.addWorkingTime(now, config.dueSoonWithin());
        var query = ComplaintView.<ComplaintView>find(NEEDS_ATTENTION + " ORDER BY " + ComplaintService.RUNNING_DUE_AT
                + ", reference", Parameters.with("branch", branch).and("horizon", horizon));
        long total = query.count();
        long overdue = ComplaintView.count("branch = :branch AND " + ComplaintService.OVERDUE,
                Parameters.with("branch", branch).and("now", now));
        List<Item> items = query.page(Page.of(page, size)).list().stream().map(v -> item(v, calendar, now)).toList();
        return new Result(now, config.dueSoonWithin(), overdue, total, page, size, items);
    }

    private static Item item(ComplaintView v, WorkingCalendar calendar, Instant now) {
        Deadline d = ComplaintService.runningDeadline(v).orElseThrow(); // every row the query finds has one
        boolean overdue = d.dueAt().isBefore(now);
        Duration workingLeft = overdue ? calendar.workingTimeBetween(d.dueAt(), now).negated()
                : calendar.workingTimeBetween(now, d.dueAt());
        return new Item(v, d, overdue, Duration.between(now, d.dueAt()), workingLeft);
    }
}
