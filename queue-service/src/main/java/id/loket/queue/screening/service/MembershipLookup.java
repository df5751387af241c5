package id.loket.queue.screening.service;

import id.loket.queue.screening.MembershipStatus;
import id.loket.queue.screening.domain.MembershipAnswer;
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
            return new MembershipAnswer(p.status() == null ? "UNKNOWN" : p.status(), null,
                    p.nikLast4() != null ? p.nikLast4() : nikLast4, "MEMBERSHIP_SERVICE");
        } catch (RuntimeException e) {
            // not registered (404) or membership-service unreachable / too slow: the officer decides
            LOG.infof("membership-service did not answer for %s: %s", who, e.getClass().getSimpleName());
            return MembershipAnswer.unknown(nikLast4);
        }
    }

    private static MembershipAnswer fromLocal(MembershipStatus s) {
        return new MembershipAnswer(s.status, "SUSPENDED".equals(s.status) ? s.monthsInArrears : null, s.nikLast4,
                "LOCAL_COPY");
    }
}
