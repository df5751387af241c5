package id.loket.complaint.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The supervisor's attention list, {@code complaint.attention.*}, each overridable by environment variable. */
@ConfigMapping(prefix = "complaint.attention")
public interface AttentionConfig {

    /**
     * A complaint is "due soon" when a running deadline falls within this much service-hours time from now
     * (PT7H: one working day of a branch open 08:00–15:00). Counted like the SLA clocks, so a Friday
     * afternoon's window reaches into Monday and not into the weekend.
     */
    @WithDefault("PT7H")
    Duration dueSoonWithin();
}
