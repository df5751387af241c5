package id.loket.complaint.complaint.domain;

import id.loket.complaint.reference.domain.Category;
import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.complaint.complaint.domain.ComplaintEvent.*;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.NotFound;
import id.loket.platform.domain.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A complaint, as the fold of its events. Commands carry the instant they happen at (the service's clock). */
public record Complaint(
        UUID id, String reference, String branch, String category, List<String> requiredDocuments,
        int resolutionWorkingDays, Set<String> documents, boolean documentsVerified, ComplaintStatus status,
        Instant respondedAt, Instant resolutionDueAt, Instant pausedAt, Instant resolvedAt,
        Set<String> escalatedTo, Set<String> linkedVisits) {

    public static String streamId(UUID id) {
        return "complaint-" + id;
    }

    public sealed interface Command {
        /**
         * A new complaint, with the facts the service looked up for it: its category's rules, its branch's working
         * calendar and the reference number drawn for its business day. The decider works out the rest (the
         * business date, both due times) from those and the instant it arrives.
         */
        record Register(UUID complaintId, String reference, Channel channel, String branch, Category category,
                        WorkingCalendar calendar, UUID participantId, String visitId, String counterId, UUID surveyId,
                        UUID relatedComplaintId, String description, boolean hasContact, Instant at) implements Command {
        }

        record ReceiveDocument(String type, String number, Instant at) implements Command {
        }

        record Respond(String message, Instant at, Instant dueAt) implements Command {
        }

        record Pause(String reason, Instant at) implements Command {
        }

        record Resume(Instant at, WorkingCalendar calendar) implements Command {
        }

        /** by STAFF, or SLA_LADDER (a ladder step already taken is no-op, so a repeated monitor run adds nothing). */
        record Escalate(String to, String reason, String by, Instant at) implements Command {
        }

        record Resolve(String resolution, String actionTaken, Instant at) implements Command {
        }

        record Reopen(String reason, Instant at, Duration window, WorkingCalendar calendar) implements Command {
        }

        record RecordEducation(List<String> channels, Instant at) implements Command {
        }

        record LinkVisit(String visitId, String ticketNumber, String counterId, Instant closedAt, Instant at)
                implements Command {
        }

        record RecordMembershipAction(String action, String participantId, String reason, LocalDate effectiveFrom,
                                      Instant at) implements Command {
        }
    }

    private static final Complaint NONE = new Complaint(null, null, null, null, List.of(), 0, Set.of(), false, null,
            null, null, null, null, Set.of(), Set.of());

    public static final Decider<Command, ComplaintEvent, Complaint> DECIDER =
            new Decider<>(NONE, Complaint::decide, Complaint::evolve);

    public boolean exists() {
        return id != null;
    }

    /** Required documents not yet received, each as "A or B" when either will do. */
    public List<String> missingDocuments() {
        return missing(requiredDocuments, documents);
    }

    static List<String> missing(List<String> required, Set<String> received) {
        List<String> out = new ArrayList<>();
        for (String requirement : required) {
            List<String> alternatives = List.of(requirement.split("\\|"));
            if (alternatives.stream().noneMatch(received::contains)) out.add(String.join(" or ", alternatives));
        }
        return out;
    }

    static List<ComplaintEvent> decide(Command command, Complaint s) {
        if (command instanceof Command.Register r) {
            if (s.exists()) throw new RuleViolation("complaint " + r.complaintId() + " already exists");
            return List.of(registered(r));
        }
        if (!s.exists()) throw new NotFound("no such complaint");
        return switch (command) {
            case Command.Register r -> throw new IllegalStateException("handled above");
            case Command.ReceiveDocument d -> {
                s.requireNotResolved("receive documents for");
                List<ComplaintEvent> out = new ArrayList<>();
                out.add(new DocumentReceived(s.id, s.reference, s.branch, s.category, d.type(), last4(d.number()), d.at()));
                Set<String> after = new LinkedHashSet<>(s.documents);
                after.add(d.type());
                if (!s.documentsVerified && !s.requiredDocuments.isEmpty() && missing(s.requiredDocuments, after).isEmpty()) {
                    out.add(new DocumentsVerified(s.id, s.reference, s.branch, s.category, List.copyOf(new java.util.TreeSet<>(after)), d.at()));
                }
                yield out;
            }
            case Command.Respond r -> {
                s.requireNotResolved("respond to");
                if (s.respondedAt != null) throw new RuleViolation("complaint " + s.reference + " has already had its first response");
                yield List.of(new ComplaintResponded(s.id, s.reference, s.branch, s.category, r.message(), r.at(),
                        !r.at().isAfter(r.dueAt())));
            }
            case Command.Pause p -> {
                if (s.status != ComplaintStatus.OPEN) throw new RuleViolation("complaint " + s.reference + " is " + s.status + ": only an open complaint can be paused");
                yield List.of(new ResolutionPaused(s.id, s.reference, s.branch, s.category, p.reason(), p.at()));
            }
            case Command.Resume r -> {
                if (s.status != ComplaintStatus.PAUSED) throw new RuleViolation("complaint " + s.reference + " is " + s.status + ": only a paused complaint can be resumed");
                // the resolution clock stood still for the paused working time: the due time moves by as much
                Duration paused = r.calendar().workingTimeBetween(s.pausedAt, r.at());
                yield List.of(new ResolutionResumed(s.id, s.reference, s.branch, s.category, r.at(), paused.toSeconds(),
                        r.calendar().addWorkingTime(s.resolutionDueAt, paused)));
            }
            case Command.Escalate e -> {
                s.requireNotResolved("escalate");
                if (s.escalatedTo.contains(e.to())) {
                    if ("SLA_LADDER".equals(e.by())) yield List.of();
                    throw new RuleViolation("complaint " + s.reference + " is already escalated to " + e.to());
                }
                yield List.of(new ComplaintEscalated(s.id, s.reference, s.branch, s.category, e.to(), e.reason(), e.by(), e.at()));
            }
            case Command.Resolve r -> {
                s.requireNotResolved("resolve");
                if (s.status == ComplaintStatus.PAUSED) throw new RuleViolation("complaint " + s.reference + " is paused: resume it before resolving");
                List<String> missing = s.missingDocuments();
                if (!missing.isEmpty()) throw new RuleViolation("complaint " + s.reference + " cannot be resolved: missing documents: " + String.join(", ", missing));
                yield List.of(new ComplaintResolved(s.id, s.reference, s.branch, s.category, r.resolution(), r.actionTaken(),
                        r.at(), !r.at().isAfter(s.resolutionDueAt)));
            }
            case Command.Reopen r -> {
                if (s.status != ComplaintStatus.RESOLVED) throw new RuleViolation("complaint " + s.reference + " is not resolved");
                if (r.at().isAfter(s.resolvedAt.plus(r.window()))) {
                    throw new RuleViolation("complaint " + s.reference + " is closed: it can be reopened only within "
                            + r.window().toDays() + " days of its resolution; register a new complaint with relatedComplaintId");
                }
                yield List.of(new ComplaintReopened(s.id, s.reference, s.branch, s.category, r.reason(), r.at(),
                        r.calendar().endOfWorkingDays(r.at(), s.resolutionWorkingDays)));
            }
            case Command.RecordEducation e ->
                    List.of(new EducationRecorded(s.id, s.reference, s.branch, s.category, List.copyOf(e.channels()), e.at()));
            case Command.LinkVisit v -> s.linkedVisits.contains(v.visitId()) ? List.of()
                    : List.of(new VisitLinked(s.id, s.reference, s.branch, s.category, v.visitId(), v.ticketNumber(),
                    v.counterId(), v.closedAt(), v.at()));
            case Command.RecordMembershipAction m -> List.of(new MembershipActionRecorded(s.id, s.reference, s.branch,
                    s.category, m.action(), m.participantId(), m.reason(), m.effectiveFrom(), m.at()));
        };
    }

    /**
     * Taken in on the arrival's business date; the first response is due within the category's minutes of
     * service-hours time, the resolution at the close of its Nth working day (see WorkingCalendar).
     */
    private static ComplaintRegistered registered(Command.Register r) {
        Category c = r.category();
        WorkingCalendar calendar = r.calendar();
        return new ComplaintRegistered(r.complaintId(), r.reference(), r.branch(), c.code(), c.serviceLevel(),
                r.channel(), c.requiredDocuments(), c.escalationUnit(), c.resolutionWorkingDays(), r.participantId(),
                r.visitId(), r.counterId(), r.surveyId(), r.relatedComplaintId(), r.description().strip(),
                r.hasContact(), r.at(), calendar.businessDate(r.at()),
                calendar.addWorkingTime(r.at(), Duration.ofMinutes(c.firstResponseMinutes())),
                calendar.endOfWorkingDays(r.at(), c.resolutionWorkingDays()));
    }

    private void requireNotResolved(String what) {
        if (status == ComplaintStatus.RESOLVED) throw new RuleViolation("cannot " + what + " complaint " + reference + ": it is resolved");
    }

    private static String last4(String number) {
        if (number == null || number.isBlank()) return null;
        String n = number.strip();
        return n.length() <= 4 ? n : n.substring(n.length() - 4);
    }

    static Complaint evolve(Complaint s, ComplaintEvent event) {
        return switch (event) {
            case ComplaintRegistered r -> new Complaint(r.complaintId(), r.reference(), r.branch(), r.category(),
                    List.copyOf(r.requiredDocuments()), r.resolutionWorkingDays(), Set.of(), false, ComplaintStatus.OPEN,
                    null, r.resolutionDueAt(), null, null, Set.of(), r.visitId() == null ? Set.of() : Set.of(r.visitId()));
            case DocumentReceived d -> s.withDocuments(plus(s.documents, d.type()), s.documentsVerified);
            case DocumentsVerified v -> s.withDocuments(s.documents, true);
            case ComplaintResponded r -> new Complaint(s.id, s.reference, s.branch, s.category, s.requiredDocuments,
                    s.resolutionWorkingDays, s.documents, s.documentsVerified, s.status, r.respondedAt(), s.resolutionDueAt,
                    s.pausedAt, s.resolvedAt, s.escalatedTo, s.linkedVisits);
            case ResolutionPaused p -> s.withClock(ComplaintStatus.PAUSED, s.resolutionDueAt, p.pausedAt(), null);
            case ResolutionResumed r -> s.withClock(ComplaintStatus.OPEN, r.resolutionDueAt(), null, null);
            case ComplaintResolved r -> s.withClock(ComplaintStatus.RESOLVED, s.resolutionDueAt, null, r.resolvedAt());
            // a reopened complaint climbs the ladder afresh
            case ComplaintReopened r -> s.withClock(ComplaintStatus.OPEN, r.resolutionDueAt(), null, null).withEscalations(Set.of());
            case ComplaintEscalated e -> s.withEscalations(plus(s.escalatedTo, e.to()));
            case VisitLinked v -> new Complaint(s.id, s.reference, s.branch, s.category, s.requiredDocuments,
                    s.resolutionWorkingDays, s.documents, s.documentsVerified, s.status, s.respondedAt, s.resolutionDueAt,
                    s.pausedAt, s.resolvedAt, s.escalatedTo, plus(s.linkedVisits, v.visitId()));
            case EducationRecorded e -> s;
            case MembershipActionRecorded m -> s;
            case ComplaintSlaBreached b -> s;
        };
    }

    private static Set<String> plus(Set<String> set, String value) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(value);
        return Set.copyOf(out);
    }

    private Complaint withDocuments(Set<String> docs, boolean verified) {
        return new Complaint(id, reference, branch, category, requiredDocuments, resolutionWorkingDays, docs, verified,
                status, respondedAt, resolutionDueAt, pausedAt, resolvedAt, escalatedTo, linkedVisits);
    }

    private Complaint withClock(ComplaintStatus st, Instant due, Instant paused, Instant resolved) {
        return new Complaint(id, reference, branch, category, requiredDocuments, resolutionWorkingDays, documents,
                documentsVerified, st, respondedAt, due, paused, resolved, escalatedTo, linkedVisits);
    }

    private Complaint withEscalations(Set<String> to) {
        return new Complaint(id, reference, branch, category, requiredDocuments, resolutionWorkingDays, documents,
                documentsVerified, status, respondedAt, resolutionDueAt, pausedAt, resolvedAt, to, linkedVisits);
    }
}
