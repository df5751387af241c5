package id.loket.complaint.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * complaint-service's settings, {@code complaint.*}: complaint rules that are policy, not code (DOMAIN.md,
 * complaint service levels), each overridable by environment variable.
 */
@ConfigMapping(prefix = "complaint")
public interface ComplaintConfig {

    /** How long after its resolution a complaint can still be reopened (later: a new complaint). */
    Duration reopenWindow();

    Escalation escalation();

    SlaMonitor slaMonitor();

    Attention attention();

    OverdueGauge overdueGauge();

    interface Escalation {
        /** Working (service-hours) time after the first breached deadline before the ladder climbs to the branch head. */
        Duration branchHeadAfter();
    }

    interface SlaMonitor {
        /** How often the SLA monitor runs (a scheduler interval such as 60s, or off: tests drive it themselves). */
        String every();
    }

    /** The supervisor's attention list ({@code GET /branches/{code}/complaints/attention}). */
    interface Attention {
        /**
         * A complaint is "due soon" when a running deadline falls within this much service-hours time from now
         * (PT7H: one working day of a branch open 08:00–15:00). Counted like the SLA clocks, so a Friday
         * afternoon's window reaches into Monday and not into the weekend.
         */
        @WithDefault("PT7H")
        Duration dueSoonWithin();
    }

    interface OverdueGauge {
        /** How often {@code loket.complaint.overdue} is recomputed from the read model (read by the scheduler). */
        @WithDefault("5s")
        String every();
    }
}
