package id.loket.membership.participant.domain;

import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantDeactivationReversed;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantReactivated;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantSuspended;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A participant's status on any date, from its events alone. Each event takes effect on its own business
 * date (a suspension on the 1st of M+1 even when the job ran late; a deactivation on the date of death even
 * when reported weeks later). A reversed deactivation never happened; an effective deactivation outranks
 * everything else (it is final).
 */
public final class StatusTimeline {

    public record StatusAt(ParticipantStatus status, String reason, LocalDate since) {
    }

    private record Entry(LocalDate date, int seq, ParticipantStatus status, String reason) {
    }

    private StatusTimeline() {
    }

    /** The status at the end of {@code day} (Asia/Jakarta); null when not yet registered then. */
    public static StatusAt asOf(List<ParticipantEvent> events, LocalDate day) {
        List<Entry> changes = new ArrayList<>();
        List<Entry> deactivations = new ArrayList<>();
        int seq = 0;
        for (ParticipantEvent e : events) {
            seq++;
            switch (e) {
                case ParticipantRegistered r -> changes.add(new Entry(r.registrationDate(), seq, ParticipantStatus.ACTIVE, "REGISTERED"));
                case ParticipantSuspended s -> changes.add(new Entry(s.effectiveFrom(), seq, ParticipantStatus.SUSPENDED,
                        "ARREARS: " + s.monthsInArrears() + " month(s) unpaid on account " + s.accountId()));
                case ParticipantReactivated r -> changes.add(new Entry(r.effectiveFrom(), seq, ParticipantStatus.ACTIVE, "REACTIVATED"));
                case ParticipantDeactivated d -> deactivations.add(new Entry(d.effectiveFrom(), seq, ParticipantStatus.INACTIVE, d.reason().name()));
                case ParticipantEvent.ParticipantDataCorrected c -> {
                }
                // a request changes nothing until it is approved (then ParticipantDeactivated/Reversed follows)
                case ParticipantEvent.ParticipantDeactivationRequested r -> {
                }
                case ParticipantEvent.ParticipantDeactivationRejected r -> {
                }
                case ParticipantEvent.ParticipantDeactivationReversalRequested r -> {
                }
                case ParticipantEvent.ParticipantDeactivationReversalRejected r -> {
                }
                case ParticipantDeactivationReversed r -> {
                    if (!deactivations.isEmpty()) deactivations.removeLast();
                }
            }
        }
        for (Entry d : deactivations) {
            if (!d.date().isAfter(day)) return new StatusAt(d.status(), d.reason(), d.date());
        }
        return changes.stream()
                .filter(c -> !c.date().isAfter(day))
                .max(Comparator.comparing(Entry::date).thenComparingInt(Entry::seq))
                .map(c -> new StatusAt(c.status(), c.reason(), c.date()))
                .orElse(null);
    }
}
