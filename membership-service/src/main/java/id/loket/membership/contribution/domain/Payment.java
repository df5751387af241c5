package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.ContributionPaid;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.List;

/**
 * A payment as received, recorded once per reference ({@code payment-<reference>}): the same payment sent again
 * is nothing new, another payment under a used reference is refused. How it settles the account's months is the
 * account's business ({@link Account}).
 */
public record Payment(String accountId, String reference, long amount) {

    public static String streamId(String reference) {
        return "payment-" + reference;
    }

    public sealed interface Command {
        record Record(String accountId, String reference, long amount, Instant paidAt) implements Command {
        }
    }

    public static final Decider<Command, ContributionEvent, Payment> DECIDER =
            new Decider<>(new Payment(null, null, 0), Payment::decide, Payment::evolve);

    public boolean exists() {
        return reference != null;
    }

    static List<ContributionEvent> decide(Command command, Payment state) {
        return switch (command) {
            case Command.Record r -> {
                if (!state.exists()) yield List.of(new ContributionPaid(r.accountId(), r.reference(), r.amount(), r.paidAt()));
                if (!state.accountId.equals(r.accountId()) || state.amount != r.amount()) {
                    throw new RuleViolation("payment reference " + r.reference() + " was already used for another payment");
                }
                yield List.of(); // the same payment again (a retry): already recorded
            }
        };
    }

    static Payment evolve(Payment state, ContributionEvent event) {
        return event instanceof ContributionPaid p ? new Payment(p.accountId(), p.reference(), p.amount()) : state;
    }
}
