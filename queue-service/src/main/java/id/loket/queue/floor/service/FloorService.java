package id.loket.queue.floor.service;

import id.loket.queue.branch.service.Branch;
import id.loket.queue.branch.service.BranchSetup;
import id.loket.queue.branch.service.Counter;
import id.loket.queue.branch.service.ServiceType;
import id.loket.queue.config.QueueConfig;
import id.loket.queue.counter.domain.CounterSession;
import id.loket.queue.counter.projection.CounterSessionView;
import id.loket.queue.floor.domain.FloorAlerts;
import id.loket.queue.stats.service.DayFigures;
import id.loket.queue.stats.service.DayStats;
import id.loket.queue.ticket.projection.QueueNow;
import id.loket.queue.ticket.projection.TicketView;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the supervisor's floor from the ticket and counter-session read models and the day's figures. */
@ApplicationScoped
public class FloorService {

    private final BranchSetup branches;
    private final QueueNow queue;
    private final DayFigures figures;
    private final QueueConfig config;
    private final Clock clock;

    FloorService(BranchSetup branches, QueueNow queue, DayFigures figures, QueueConfig config, Clock clock) {
        this.branches = branches;
        this.queue = queue;
        this.figures = figures;
        this.config = config;
        this.clock = clock;
    }

    public Floor floor(String code) {
        Branch branch = branches.branch(code);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, branch.zone());
        Map<String, QueueNow.Waiting> waiting = queue.waiting(code);
        Map<String, DayStats.Times> times = figures.byServiceType(code, today).stream()
                .collect(Collectors.toMap(DayStats.Times::key, Function.identity()));
        Map<String, TicketView> atCounters = queue.atCounters(code);
        Map<String, CounterSessionView> sessions = CounterSessionView.ofBranch(code).stream()
                .collect(Collectors.toMap(s -> s.counterId, Function.identity()));
        Map<String, Long> served = queue.servedOn(code, today);
        List<Counter> counters = Counter.ofBranch(code);

        List<Floor.ServiceTypeNow> types = new ArrayList<>();
        for (ServiceType t : ServiceType.ofBranch(code)) {
            String type = t.key.code();
            QueueNow.Waiting w = waiting.get(type);
            DayStats.Times d = times.get(type);
            Long oldest = w == null ? null : Duration.between(w.oldestIssuedAt(), now).toSeconds();
            long open = counters.stream().filter(c -> c.isOpen() && c.serviceTypes.contains(type)).count();
            types.add(new Floor.ServiceTypeNow(type, t.name, t.waitTargetMinutes, w == null ? 0 : w.count(),
                    w == null ? null : w.oldestIssuedAt(), oldest, oldest != null && oldest > t.waitTargetSeconds(),
                    d == null ? 0 : d.visits(), d == null ? null : d.meanWaitSeconds(), d == null ? null : d.p90WaitSeconds(),
                    d != null && d.p90WaitSeconds() != null && d.p90WaitSeconds() > t.waitTargetSeconds(),
                    d == null ? null : d.withinTargetShare(), d == null ? null : d.medianServiceSeconds(), open));
        }

        List<Floor.CounterRow> rows = new ArrayList<>();
        List<FloorAlerts.CounterNow> now4alerts = new ArrayList<>();
        for (Counter c : counters) {
            TicketView t = atCounters.get(c.id);
            CounterSessionView s = sessions.get(c.id);
            CounterSession.Activity activity = CounterSession.activity(c.isOpen(), t == null ? null : t.state);
            Instant since = s == null ? null : s.activitySince;
            rows.add(new Floor.CounterRow(c.id, c.name, c.serviceTypes, activity.name(), c.staffedBy, since,
                    since == null ? null : Duration.between(since, now).toSeconds(), served.getOrDefault(c.id, 0L),
                    t == null ? null : new Floor.CurrentTicket(t.ticketId, t.number, t.serviceType, t.priority, t.state,
                            t.calledAt, t.startedAt, t.recalls)));
            now4alerts.add(new FloorAlerts.CounterNow(c.id, activity, c.serviceTypes, since,
                    t == null ? null : t.ticketId, t == null ? null : t.number, t == null ? null : t.serviceType,
                    t == null ? null : t.calledAt, t == null ? null : t.startedAt));
        }
        Map<String, Long> waitingCounts = new HashMap<>();
        waiting.forEach((type, w) -> waitingCounts.put(type, w.count()));
        Map<String, Double> medians = new HashMap<>();
        times.forEach((type, d) -> {
            if (d.medianServiceSeconds() != null) medians.put(type, d.medianServiceSeconds());
        });
        var a = config.alerts();
        List<FloorAlerts.Alert> alerts = FloorAlerts.of(now4alerts, waitingCounts, medians,
                new FloorAlerts.Thresholds(a.calledNotStarted(), a.idleWhileWaiting(), a.longServiceFactor(), a.longServiceFloor()), now);
        return new Floor(code, today, now, types, rows, alerts);
    }
}
