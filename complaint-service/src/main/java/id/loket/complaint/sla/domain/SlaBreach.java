package id.loket.complaint.sla.domain;

import id.loket.complaint.complaint.domain.ComplaintEvent;
import id.loket.complaint.complaint.domain.ComplaintEvent.ComplaintSlaBreached;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One passed deadline of one complaint, recorded once: its own stream {@code sla-<complaintId>-<deadline>-<dueAt>},
 * so a second monitor run, a second replica or a restart finds it recorded and adds nothing.
 */
public record SlaBreach(ComplaintSlaBreached breached) {

    public static final Set<String> DEADLINES = Set.of("FIRST_RESPONSE", "RESOLUTION");

    public static String streamId(UUID complaintId, String deadline, Instant dueAt) {
        return "sla-" + complaintId + "-" + deadline + "-" + dueAt;
    }

    /** What the monitor found: a running deadline of a complaint (as its read model has it) and when it looked. */
    public record Detect(UUID complaintId, String reference, String branch, String category, String deadline,
                         Instant dueAt, Instant now) {
    }

    private static final SlaBreach NONE = new SlaBreach(null);

    public static final Decider<Detect, ComplaintEvent, SlaBreach> DECIDER =
            new Decider<>(NONE, SlaBreach::decide, SlaBreach::evolve);

    static List<ComplaintEvent> decide(Detect d, SlaBreach s) {
        if (s.breached != null) return List.of(); // recorded already: nothing new
        if (!DEADLINES.contains(d.deadline())) throw new RuleViolation("no deadline " + d.deadline() + " (one of " + DEADLINES + ")");
        if (!d.dueAt().isBefore(d.now())) {
            throw new RuleViolation("the " + d.deadline() + " deadline of complaint " + d.reference() + " has not passed");
        }
        return List.of(new ComplaintSlaBreached(d.complaintId(), d.reference(), d.branch(), d.category(), d.deadline(),
                d.dueAt(), d.now()));
    }

    static SlaBreach evolve(SlaBreach s, ComplaintEvent e) {
        return e instanceof ComplaintSlaBreached b ? new SlaBreach(b) : s;
    }
}
