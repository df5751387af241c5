package id.loket.complaint.complaint.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happens to a complaint, as published on {@code loket.complaint.events}. Every event names the complaint,
 * its reference, branch and category (the agreed contract). No event carries a NIK, a name or a phone number:
 * the reporter's contact stays in this service's database; a document number travels as its last four digits.
 */
public sealed interface ComplaintEvent {

    UUID complaintId();

    String reference();

    String branch();

    String category();

    /** The instant the fact happened (the service's clock), for timelines and reports. */
    Instant at();

    record ComplaintRegistered(UUID complaintId, String reference, String branch, String category,
                               String serviceLevel, Channel channel, List<String> requiredDocuments,
                               String escalationUnit, int resolutionWorkingDays, UUID participantId, String visitId,
                               String counterId, UUID surveyId, UUID relatedComplaintId, String description,
                               boolean hasContact, Instant registeredAt, LocalDate businessDate,
                               Instant firstResponseDueAt, Instant resolutionDueAt) implements ComplaintEvent {
        public Instant at() {
            return registeredAt;
        }
    }

    record DocumentReceived(UUID complaintId, String reference, String branch, String category, String type,
                            String numberLast4, Instant receivedAt) implements ComplaintEvent {
        public Instant at() {
            return receivedAt;
        }
    }

    record DocumentsVerified(UUID complaintId, String reference, String branch, String category,
                             List<String> documents, Instant verifiedAt) implements ComplaintEvent {
        public Instant at() {
            return verifiedAt;
        }
    }

    record ComplaintResponded(UUID complaintId, String reference, String branch, String category, String message,
                              Instant respondedAt, boolean withinSla) implements ComplaintEvent {
        public Instant at() {
            return respondedAt;
        }
    }

    record ResolutionPaused(UUID complaintId, String reference, String branch, String category, String reason,
                            Instant pausedAt) implements ComplaintEvent {
        public Instant at() {
            return pausedAt;
        }
    }

    record ResolutionResumed(UUID complaintId, String reference, String branch, String category, Instant resumedAt,
                             long pausedWorkingSeconds, Instant resolutionDueAt) implements ComplaintEvent {
        public Instant at() {
            return resumedAt;
        }
    }

    /** by: STAFF (by hand) or SLA_LADDER (the monitor, on an overdue complaint). */
    record ComplaintEscalated(UUID complaintId, String reference, String branch, String category, String to,
                              String reason, String by, Instant escalatedAt) implements ComplaintEvent {
        public Instant at() {
            return escalatedAt;
        }
    }

    record ComplaintResolved(UUID complaintId, String reference, String branch, String category, String resolution,
                             String actionTaken, Instant resolvedAt, boolean withinSla) implements ComplaintEvent {
        public Instant at() {
            return resolvedAt;
        }
    }

    record ComplaintReopened(UUID complaintId, String reference, String branch, String category, String reason,
                             Instant reopenedAt, Instant resolutionDueAt) implements ComplaintEvent {
        public Instant at() {
            return reopenedAt;
        }
    }

    record EducationRecorded(UUID complaintId, String reference, String branch, String category,
                             List<String> channels, Instant recordedAt) implements ComplaintEvent {
        public Instant at() {
            return recordedAt;
        }
    }

    /** A queue-service visit closed with this complaint's id. */
    record VisitLinked(UUID complaintId, String reference, String branch, String category, String visitId,
                       String ticketNumber, String counterId, Instant closedAt, Instant linkedAt) implements ComplaintEvent {
        public Instant at() {
            return linkedAt;
        }
    }

    /** A membership event that names this complaint (e.g. ParticipantDeactivated after a death report). */
    record MembershipActionRecorded(UUID complaintId, String reference, String branch, String category,
                                    String action, String participantId, String reason, LocalDate effectiveFrom,
                                    Instant recordedAt) implements ComplaintEvent {
        public Instant at() {
            return recordedAt;
        }
    }

    /**
     * A deadline passed unmet. Appended once per deadline to its own stream
     * {@code sla-<complaintId>-<deadline>-<dueAt>}, so a second monitor run or a restart cannot repeat it.
     *
     * @param deadline FIRST_RESPONSE or RESOLUTION
     */
    record ComplaintSlaBreached(UUID complaintId, String reference, String branch, String category, String deadline,
                                Instant dueAt, Instant detectedAt) implements ComplaintEvent {
        public Instant at() {
            return detectedAt;
        }
    }
}
