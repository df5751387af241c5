package id.loket.complaint.complaint.projection;

import id.loket.complaint.complaint.domain.ComplaintEvent;
import id.loket.complaint.complaint.domain.ComplaintEvent.*;
import id.loket.complaint.complaint.domain.ComplaintStatus;
import id.loket.platform.events.EventCodec;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.events.NewEvent;
import id.loket.platform.projection.EventProjection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Keeps complaint_view and complaint_timeline in step with complaint and SLA streams; every value from the event. */
@ApplicationScoped
public class ComplaintProjection implements EventProjection<ComplaintEvent> {

    private final EventCodec codec;

    ComplaintProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public String name() {
        return "complaints";
    }

    @Override
    public List<String> tables() {
        return List.of("complaint_view", "complaint_timeline");
    }

    /** The complaint streams' events and the SLA streams' ComplaintSlaBreached. */
    @Override
    public Class<ComplaintEvent> family() {
        return ComplaintEvent.class;
    }

    @Override
    public void apply(List<EventEnvelope<ComplaintEvent>> events) {
        for (EventEnvelope<ComplaintEvent> e : events) apply(e);
    }

    private void apply(EventEnvelope<ComplaintEvent> stored) {
        ComplaintEvent event = stored.event();
        timeline(stored, event);
        if (event instanceof ComplaintRegistered r) {
            register(stored, r);
            return;
        }
        ComplaintView v = ComplaintView.findById(event.complaintId());
        if (v == null) return;
        switch (event) {
            case ComplaintRegistered r -> { }
            case DocumentReceived d -> v.documentsReceived = join(plus(v.documentsReceived, d.type()));
            case DocumentsVerified d -> v.documentsVerified = true;
            case ComplaintResponded r -> v.respondedAt = r.respondedAt();
            case ResolutionPaused p -> {
                v.status = ComplaintStatus.PAUSED.name();
                v.pausedAt = p.pausedAt();
            }
            case ResolutionResumed r -> {
                v.status = ComplaintStatus.OPEN.name();
                v.pausedAt = null;
                v.resolutionDueAt = r.resolutionDueAt();
            }
            case ComplaintEscalated e -> v.escalatedTo = join(plus(v.escalatedTo, e.to()));
            case ComplaintResolved r -> {
                v.status = ComplaintStatus.RESOLVED.name();
                v.resolvedAt = r.resolvedAt();
                v.resolvedWithinSla = r.withinSla();
            }
            case ComplaintReopened r -> {
                v.status = ComplaintStatus.OPEN.name();
                v.resolvedAt = null;
                v.resolvedWithinSla = null;
                v.resolutionDueAt = r.resolutionDueAt();
                v.reopenCount++;
                v.escalatedTo = null;
            }
            case EducationRecorded e -> { }
            case VisitLinked l -> {
                if (v.visitId == null) v.visitId = l.visitId();
                if (v.counterId == null) v.counterId = l.counterId();
            }
            case MembershipActionRecorded m -> { }
            case ComplaintSlaBreached b -> {
                if ("FIRST_RESPONSE".equals(b.deadline())) v.responseBreached = true;
                else v.resolutionBreached = true;
            }
        }
        // the SLA streams have their own versions; the view's version is the complaint stream's
        if (stored.streamId().startsWith("complaint-")) v.version = stored.version();
        v.updatedAt = stored.recordedAt();
    }

    private static void register(EventEnvelope<ComplaintEvent> stored, ComplaintRegistered r) {
        ComplaintView v = new ComplaintView();
        v.complaintId = r.complaintId();
        v.reference = r.reference();
        v.branch = r.branch();
        v.category = r.category();
        v.serviceLevel = r.serviceLevel();
        v.channel = r.channel().name();
        v.status = ComplaintStatus.OPEN.name();
        v.participantId = r.participantId();
        v.visitId = r.visitId();
        v.counterId = r.counterId();
        v.surveyId = r.surveyId();
        v.relatedComplaintId = r.relatedComplaintId();
        v.description = r.description();
        v.requiredDocuments = String.join(",", r.requiredDocuments());
        v.documentsReceived = "";
        v.registeredAt = r.registeredAt();
        v.businessDate = r.businessDate();
        v.firstResponseDueAt = r.firstResponseDueAt();
        v.resolutionDueAt = r.resolutionDueAt();
        v.version = stored.version();
        v.updatedAt = stored.recordedAt();
        v.persist();
    }

    /** Its type and payload as the event's current shape encodes them (an older version upcast). */
    private void timeline(EventEnvelope<ComplaintEvent> stored, ComplaintEvent event) {
        NewEvent encoded = codec.encode(event);
        TimelineEntry t = new TimelineEntry();
        t.streamId = stored.streamId();
        t.version = stored.version();
        t.complaintId = event.complaintId();
        t.at = event.at();
        t.type = encoded.type();
        t.detail = encoded.payloadJson();
        t.persist();
    }

    private static Set<String> plus(String csv, String value) {
        Set<String> out = new LinkedHashSet<>();
        if (csv != null && !csv.isEmpty()) out.addAll(List.of(csv.split(",")));
        out.add(value);
        return out;
    }

    private static String join(Set<String> values) {
        return String.join(",", values);
    }
}
