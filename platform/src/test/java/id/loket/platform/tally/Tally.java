package id.loket.platform.tally;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;

import java.util.List;
import java.util.UUID;

/** A small aggregate for the platform's tests, written the way services write theirs. */
public record Tally(UUID id, String name, long total, boolean open) {

    public sealed interface Command {
        record Open(UUID id, String name) implements Command {
        }

        record Increment(UUID id, long by) implements Command {
        }
    }

    static final Tally INITIAL = new Tally(null, null, 0, false);

    public static final Decider<Command, TallyEvent, Tally> DECIDER = new Decider<>(INITIAL, Tally::decide, Tally::evolve);

    static List<TallyEvent> decide(Command command, Tally state) {
        return switch (command) {
            case Command.Open o -> {
                if (state.open()) throw new RuleViolation("tally " + o.id() + " is already open");
                yield List.of(new TallyEvent.TallyOpened(o.id(), o.name()));
            }
            case Command.Increment i -> {
                if (!state.open()) throw new RuleViolation("tally " + i.id() + " is not open");
                yield List.of(new TallyEvent.TallyIncremented(i.id(), i.by()));
            }
        };
    }

    static Tally evolve(Tally state, TallyEvent event) {
        return switch (event) {
            case TallyEvent.TallyOpened o -> new Tally(o.tallyId(), o.name(), 0, true);
            case TallyEvent.TallyIncremented i -> new Tally(state.id(), state.name(), state.total() + i.by(), true);
        };
    }
}
