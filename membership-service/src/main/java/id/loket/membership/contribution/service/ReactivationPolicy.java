package id.loket.membership.contribution.service;

import id.loket.membership.contribution.domain.Account;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionPaid;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.ParticipantStatus;
import id.loket.membership.participant.projection.ParticipantView;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.platform.aggregate.AggregateRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;

/**
 * After a payment ({@link ContributionPaid}), in its transaction: once the account is clear ({@link Account#clearedFor})
 * its suspended participants are active again from the day of the payment, each decided by its participant.
 */
@ApplicationScoped
public class ReactivationPolicy {

    private final AggregateRepository aggregates;

    ReactivationPolicy(AggregateRepository aggregates) {
        this.aggregates = aggregates;
    }

    /** Who is active again; {@code account} as the payment left it, {@code billed} its bills as read for the payment. */
    public List<UUID> onPaid(ContributionPaid paid, Account account, SortedMap<YearMonth, Long> billed) {
        YearMonth current = YearMonth.from(paid.paidAt().atZone(ParticipantService.JKN_ZONE));
        if (!account.clearedFor(current, billed)) return List.of();
        LocalDate on = paid.paidAt().atZone(ParticipantService.JKN_ZONE).toLocalDate();
        List<UUID> reactivated = new ArrayList<>();
        // the read model names who may be suspended; each participant's own stream decides
        for (ParticipantView v : ParticipantView.onAccount(paid.accountId())) {
            if (!ParticipantStatus.SUSPENDED.name().equals(v.status)) continue;
            var handled = aggregates.handle(Participant.streamId(v.participantId), Participant.DECIDER, ParticipantEvent.class,
                    new Participant.Command.Reactivate(on));
            if (!handled.events().isEmpty()) reactivated.add(v.participantId);
        }
        return reactivated;
    }
}
