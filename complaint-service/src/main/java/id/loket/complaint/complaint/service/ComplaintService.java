package id.loket.complaint.complaint.service;

import id.loket.complaint.reference.service.BranchCalendars;
import id.loket.complaint.reference.domain.WorkingCalendar;
import id.loket.complaint.reference.domain.Category;
import id.loket.complaint.reference.service.ReferenceData;
import id.loket.complaint.complaint.domain.Channel;
import id.loket.complaint.complaint.domain.Complaint;
import id.loket.complaint.complaint.domain.ComplaintEvent;
import id.loket.complaint.complaint.domain.ComplaintStatus;
import id.loket.complaint.complaint.projection.ComplaintContact;
import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.complaint.complaint.projection.TimelineEntry;
import id.loket.complaint.config.ComplaintConfig;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.NotFound;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.eventstore.EventStore;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The complaint's life: registration with its due times, documents, response, pause, escalation, resolution. */
@ApplicationScoped
public class ComplaintService {

    public record Contact(String name, String phone, String email) {
        @Override
        public String toString() {
            return "Contact[***]";
        }
    }

    public record Registration(Channel channel, String branch, String category, UUID participantId, String visitId,
                               String counterId, UUID surveyId, UUID relatedComplaintId, Contact contact,
                               String description) {
    }

    public record Details(ComplaintView view, ComplaintContact contact, List<TimelineEntry> timeline) {
    }

    public record Filter(String status, String category, String channel, String branch, Boolean overdue) {
    }

    public record PageOf(List<ComplaintView> items, long total, int page, int size) {
    }

    private final AggregateRepository aggregates;
    private final EventStore store;
    private final ReferenceData reference;
    private final BranchCalendars calendars;
    private final ReferenceNumbers numbers;
    private final Clock clock;
    private final MetadataContext metadata;
    private final Duration reopenWindow;

    ComplaintService(AggregateRepository aggregates, EventStore store, ReferenceData reference,
                     BranchCalendars calendars, ReferenceNumbers numbers, Clock clock,
                     MetadataContext metadata, ComplaintConfig config) {
        this.aggregates = aggregates;
        this.store = store;
        this.reference = reference;
        this.calendars = calendars;
        this.numbers = numbers;
        this.clock = clock;
        this.metadata = metadata;
        this.reopenWindow = config.reopenWindow();
    }

    @Transactional
    public ComplaintView register(Registration r) {
        UUID id = UUID.randomUUID();
        metadata.branch(r.branch()); // the event's branch is the complaint's, not the user's
        aggregates.create(Complaint.streamId(id), Complaint.DECIDER, registration(id, r));
        saveContact(id, r.contact());
        return ComplaintView.findById(id);
    }

    /**
     * Registers a complaint under a deterministic id, once: false when it exists already (a redelivered
     * event), and then nothing is written.
     */
    @Transactional
    public boolean registerOnce(UUID id, Registration r) {
        // checked first so that a duplicate does not draw a reference number; a concurrent duplicate is still
        // "already done" for createOnce (at the cost of a skipped number)
        if (store.currentVersion(Complaint.streamId(id)) > 0) return false;
        metadata.branch(r.branch());
        boolean created = aggregates.createOnce(Complaint.streamId(id), Complaint.DECIDER, registration(id, r)).created();
        if (created) saveContact(id, r.contact());
        return created;
    }

    /** The registration command with the facts it needs: the category, the branch's calendar, a reference number. */
    private Complaint.Command.Register registration(UUID id, Registration r) {
        Category category = reference.category(r.category())
                .orElseThrow(() -> new InvalidField("category", "unknown category " + r.category()));
        WorkingCalendar calendar = calendars.of(r.branch(), "branch");
        if (r.relatedComplaintId() != null && ComplaintView.findById(r.relatedComplaintId()) == null) {
            throw new InvalidField("relatedComplaintId", "no complaint " + r.relatedComplaintId());
        }
        Instant now = clock.instant();
        Contact c = r.contact();
        boolean hasContact = c != null && (c.name() != null || c.phone() != null || c.email() != null);
        return new Complaint.Command.Register(id, numbers.next(r.branch(), calendar.businessDate(now)), r.channel(),
                r.branch(), category, calendar, r.participantId(), r.visitId(), r.counterId(), r.surveyId(),
                r.relatedComplaintId(), r.description(), hasContact, now);
    }

    private static void saveContact(UUID id, Contact c) {
        if (c == null || (c.name() == null && c.phone() == null && c.email() == null)) return;
        ComplaintContact contact = new ComplaintContact();
        contact.complaintId = id;
        contact.name = c.name();
        contact.phone = c.phone();
        contact.email = c.email();
        contact.persist();
    }

    @Transactional
    public ComplaintView addDocument(UUID id, String type, String number) {
        return handle(id, new Complaint.Command.ReceiveDocument(type, number, clock.instant()));
    }

    @Transactional
    public ComplaintView respond(UUID id, String message) {
        ComplaintView v = view(id);
        return handle(id, new Complaint.Command.Respond(message, clock.instant(), v.firstResponseDueAt));
    }

    @Transactional
    public ComplaintView pause(UUID id, String reason) {
        return handle(id, new Complaint.Command.Pause(reason, clock.instant()));
    }

    @Transactional
    public ComplaintView resume(UUID id) {
        return handle(id, new Complaint.Command.Resume(clock.instant(), calendars.of(view(id).branch, "branch")));
    }

    @Transactional
    public ComplaintView escalate(UUID id, String to, String reason) {
        if (!reference.isEscalationUnit(to)) throw new InvalidField("to", "unknown escalation unit " + to);
        return handle(id, new Complaint.Command.Escalate(to, reason, "STAFF", clock.instant()));
    }

    @Transactional
    public ComplaintView resolve(UUID id, String resolution, String actionTaken) {
        return handle(id, new Complaint.Command.Resolve(resolution, actionTaken, clock.instant()));
    }

    @Transactional
    public ComplaintView reopen(UUID id, String reason) {
        return handle(id, new Complaint.Command.Reopen(reason, clock.instant(), reopenWindow,
                calendars.of(view(id).branch, "branch")));
    }

    @Transactional
    public ComplaintView recordEducation(UUID id, List<String> channels) {
        for (int i = 0; i < channels.size(); i++) {
            if (!reference.isDigitalChannel(channels.get(i))) {
                throw new InvalidField("channels[" + i + "]", "unknown digital channel " + channels.get(i)
                        + " (one of " + String.join(", ", reference.digitalChannels()) + ")");
            }
        }
        return handle(id, new Complaint.Command.RecordEducation(List.copyOf(new java.util.LinkedHashSet<>(channels)), clock.instant()));
    }

    /** Appends whatever a command decides to an existing complaint (used by the consumers and the monitor too). */
    @Transactional
    public ComplaintView handle(UUID id, Complaint.Command command) {
        metadata.branch(view(id).branch); // the event's branch is the complaint's, whoever acts on it
        aggregates.handle(Complaint.streamId(id), Complaint.DECIDER, ComplaintEvent.class, command);
        return ComplaintView.findById(id);
    }

    public Details get(UUID id) {
        return new Details(view(id), ComplaintContact.findById(id), TimelineEntry.of(id));
    }

    public Complaint load(UUID id) {
        return aggregates.load(Complaint.streamId(id), Complaint.DECIDER, ComplaintEvent.class).state();
    }

    public PageOf list(Filter f, int page, int size) {
        StringBuilder q = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.status() != null) {
            q.append(" AND status = :status");
            params.put("status", f.status());
        }
        if (f.category() != null) {
            q.append(" AND category = :category");
            params.put("category", f.category());
        }
        if (f.channel() != null) {
            q.append(" AND channel = :channel");
            params.put("channel", f.channel());
        }
        if (f.branch() != null) {
            q.append(" AND branch = :branch");
            params.put("branch", f.branch());
        }
        if (f.overdue() != null) {
            q.append(f.overdue() ? " AND " : " AND NOT ").append(OVERDUE);
            params.put("now", clock.instant());
        }
        var query = ComplaintView.find(q + " ORDER BY registeredAt DESC, reference DESC", params);
        long total = query.count();
        return new PageOf(query.page(Page.of(page, size)).list(), total, page, size);
    }

    /**
     * A query condition: a deadline that is still running falls before the named parameter. The running
     * deadlines: the first response until it is given (paused or not), the resolution while the complaint is OPEN.
     */
    public static String runningDeadlineBefore(String parameter) {
        return "(status <> 'RESOLVED' AND ((respondedAt IS NULL AND firstResponseDueAt < " + parameter + ")"
                + " OR (status = 'OPEN' AND resolutionDueAt < " + parameter + ")))";
    }

    /** The earliest running deadline, as a query expression (for rows that have one: see runningDeadlineBefore). */
    public static final String RUNNING_DUE_AT = "(CASE WHEN respondedAt IS NULL AND status = 'OPEN'"
            + " AND resolutionDueAt < firstResponseDueAt THEN resolutionDueAt"
            + " WHEN respondedAt IS NULL THEN firstResponseDueAt ELSE resolutionDueAt END)";

    /** Overdue: a deadline that is still running has passed. */
    public static final String OVERDUE = runningDeadlineBefore(":now");

    /** A deadline of a complaint: FIRST_RESPONSE or RESOLUTION (the names of ComplaintSlaBreached.deadline). */
    public record Deadline(String name, Instant dueAt) {
    }

    /** The earliest deadline still running, if any (none once resolved, or paused after the first response). */
    public static Optional<Deadline> runningDeadline(ComplaintView v) {
        if (ComplaintStatus.RESOLVED.name().equals(v.status)) return Optional.empty();
        Deadline response = v.respondedAt == null ? new Deadline("FIRST_RESPONSE", v.firstResponseDueAt) : null;
        Deadline resolution = ComplaintStatus.OPEN.name().equals(v.status) ? new Deadline("RESOLUTION", v.resolutionDueAt) : null;
        if (response == null) return Optional.ofNullable(resolution);
        if (resolution == null) return Optional.of(response);
        return Optional.of(resolution.dueAt().isBefore(response.dueAt()) ? resolution : response);
    }

    public boolean isOverdue(ComplaintView v) {
        Instant now = clock.instant();
        return runningDeadline(v).map(d -> d.dueAt().isBefore(now)).orElse(false);
    }

    public List<String> missingDocuments(ComplaintView v) {
        List<String> out = new ArrayList<>();
        List<String> received = v.documentsReceived.isEmpty() ? List.of() : List.of(v.documentsReceived.split(","));
        if (v.requiredDocuments.isEmpty()) return out;
        for (String requirement : v.requiredDocuments.split(",")) {
            List<String> alternatives = List.of(requirement.split("\\|"));
            if (alternatives.stream().noneMatch(received::contains)) out.add(String.join(" or ", alternatives));
        }
        return out;
    }

    public Optional<ComplaintView> byReference(String reference) {
        return ComplaintView.byReference(reference);
    }

    private static ComplaintView view(UUID id) {
        ComplaintView v = ComplaintView.findById(id);
        if (v == null) throw new NotFound("no complaint " + id);
        return v;
    }
}
