package id.loket.queue.screening.service;

import id.loket.queue.screening.client.MembershipClient;
import id.loket.queue.screening.domain.MembershipAnswer;
import id.loket.queue.screening.projection.MembershipStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Membership status for the door: from the local copy first; only for a person it does not know, from
 * membership-service (short timeout), and UNKNOWN when that fails too. Never inside a transaction.
 */
@ApplicationScoped
public class MembershipLookup {

    private static final Logger LOG = Logger.getLogger(MembershipLookup.class);

    private final MembershipClient membership;

    MembershipLookup(@RestClient MembershipClient membership) {
        this.membership = membership;
    }

    public MembershipAnswer byNik(String nik, String nikHash, String nikLast4) {
        Optional<MembershipStatus> local = MembershipStatus.byNikHash(nikHash);
        if (local.isPresent()) return fromLocal(local.get());
        return ask(new MembershipClient.Search(nik, null), nikLast4, "NIK ending " + nikLast4);
    }

    public MembershipAnswer byCardNumber(String cardNumber) {
        Optional<MembershipStatus> local = MembershipStatus.byCardNumber(cardNumber);
        if (local.isPresent()) return fromLocal(local.get());
        return ask(new MembershipClient.Search(null, cardNumber), null, "card " + cardNumber);
    }

    private MembershipAnswer ask(MembershipClient.Search search, String nikLast4, String who) {
        try {
            MembershipClient.Participant p = membership.search(search);
            String status = p.status() == null ? "UNKNOWN" : p.status();
            String last4 = p.nikLast4() != null ? p.nikLast4() : nikLast4;
            if (!"SUSPENDED".equals(status)) return MembershipAnswer.of(status, null, null, last4, "MEMBERSHIP_SERVICE");
            return withArrears(p.id(), last4, who);
        } catch (RuntimeException e) {
            // not registered (404) or membership-service unreachable / too slow: the officer decides
            LOG.infof("membership-service did not answer for %s: %s", who, e.getClass().getSimpleName());
            return MembershipAnswer.unknown(nikLast4);
        }
    }

    /** A suspended visitor: the months and amount in arrears too, or the status alone when that read fails. */
    private MembershipAnswer withArrears(String participantId, String nikLast4, String who) {
        try {
            MembershipClient.Arrears a = membership.arrears(participantId);
            return MembershipAnswer.of("SUSPENDED", a.months() == null ? null : a.months().size(), a.arrearsTotal(),
                    nikLast4, "MEMBERSHIP_SERVICE");
        } catch (RuntimeException e) {
            LOG.infof("membership-service gave no arrears for %s: %s", who, e.getClass().getSimpleName());
            return MembershipAnswer.of("SUSPENDED", null, null, nikLast4, "MEMBERSHIP_SERVICE");
        }
    }

    private static MembershipAnswer fromLocal(MembershipStatus s) {
        return MembershipAnswer.of(s.status, s.monthsInArrears, s.arrearsAmount, s.nikLast4, "LOCAL_COPY");
    }
}
