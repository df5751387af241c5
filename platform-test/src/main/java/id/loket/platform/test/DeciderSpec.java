package id.loket.platform.test;

import id.loket.platform.domain.Decider;
import org.opentest4j.AssertionFailedError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A decider's rules as a pure test: given the events a stream already holds, when a command comes, then these
 * events (or none, or a rule violation). No Quarkus, no database: each case runs in microseconds.
 *
 * <pre>{@code
 * DeciderSpec.of(Tally.DECIDER)
 *         .given(new TallyOpened(id, "door"))
 *         .when(new Increment(id, 2))
 *         .then(new TallyIncremented(id, 2));
 *
 * DeciderSpec.of(Tally.DECIDER).given().when(new Increment(id, 2))
 *         .thenViolates(RuleViolation.class, "is not open");
 * }</pre>
 *
 * A failure names what was given, the command, the state it was decided in, and the expected and actual events
 * (an IDE shows the last two side by side). {@code then} also folds the new events into the state, so a decider
 * whose {@code evolve} cannot take its own events fails here, and returns that state for further checks.
 *
 * @param <C> command type
 * @param <E> event type
 * @param <S> state type
 */
public final class DeciderSpec<C, E, S> {

    private final Decider<C, E, S> decider;
    private final List<E> given;

    private DeciderSpec(Decider<C, E, S> decider, List<E> given) {
        this.decider = decider;
        this.given = given;
    }

    public static <C, E, S> DeciderSpec<C, E, S> of(Decider<C, E, S> decider) {
        return new DeciderSpec<>(Objects.requireNonNull(decider, "decider"), List.of());
    }

    /** The events already in the stream, oldest first (none: a new stream). Adds to any given before. */
    @SafeVarargs
    public final DeciderSpec<C, E, S> given(E... events) {
        return given(Arrays.asList(events));
    }

    public DeciderSpec<C, E, S> given(List<? extends E> events) {
        List<E> all = new ArrayList<>(given);
        all.addAll(events);
        return new DeciderSpec<>(decider, List.copyOf(all));
    }

    /** The state the given events fold to. */
    public S state() {
        try {
            return decider.fold(decider.initialState(), given);
        } catch (RuntimeException e) {
            throw new AssertionFailedError("evolve failed on the given events " + given + ": " + e, e);
        }
    }

    public When when(C command) {
        return new When(command);
    }

    /** One command in the state of the given events: what it decided, or what it threw. */
    public final class When {

        private final C command;
        private final S before;
        private final List<E> decided;
        private final RuntimeException thrown;

        private When(C command) {
            this.command = command;
            this.before = state();
            List<E> events = null;
            RuntimeException failure = null;
            try {
                events = decider.decide().apply(command, before);
                if (events == null) failure = new NullPointerException("decide returned null instead of a list");
            } catch (RuntimeException e) {
                failure = e;
            }
            this.decided = events;
            this.thrown = failure;
        }

        /** Exactly these events, in this order; returns the state after them. */
        @SafeVarargs
        public final S then(E... expected) {
            return then(Arrays.asList(expected));
        }

        public S then(List<? extends E> expected) {
            List<E> actual = events("events " + expected);
            if (!actual.equals(List.copyOf(expected))) {
                throw new AssertionFailedError(describe("decided other events than expected")
                        + "\n  expected: " + lines(expected) + "\n  actual:   " + lines(actual), expected, actual);
            }
            return after(actual);
        }

        /** The events, for checks that equality cannot express (a generated id); returns the state after them. */
        public S thenEvents(Consumer<List<E>> check) {
            List<E> actual = events("events");
            try {
                check.accept(actual);
            } catch (AssertionError e) {
                throw new AssertionFailedError(describe("the decided events failed a check: " + e.getMessage())
                        + "\n  actual:   " + lines(actual), e);
            }
            return after(actual);
        }

        /** No events: the command is accepted as a no-op (a repeated job step, say). */
        public void thenNothing() {
            List<E> actual = events("no events");
            if (!actual.isEmpty()) {
                throw new AssertionFailedError(describe("expected no events") + "\n  actual:   " + lines(actual), List.of(), actual);
            }
        }

        /**
         * The command is refused with this exception (a {@code RuleViolation}, {@code InvalidField}, {@code NotFound},
         * or a domain's own) whose message contains {@code messagePart}; returns it for further checks.
         */
        public <X extends RuntimeException> X thenViolates(Class<X> type, String messagePart) {
            if (thrown == null) {
                throw new AssertionFailedError(describe("expected " + type.getSimpleName() + " containing \"" + messagePart
                        + "\", but the command was accepted") + "\n  decided:  " + lines(decided));
            }
            if (!type.isInstance(thrown)) {
                throw new AssertionFailedError(describe("expected " + type.getSimpleName() + " containing \"" + messagePart
                        + "\", but got " + thrown), thrown);
            }
            String message = String.valueOf(thrown.getMessage());
            if (!message.contains(messagePart)) {
                throw new AssertionFailedError(describe(type.getSimpleName() + " with another message")
                        + "\n  expected to contain: " + messagePart + "\n  actual message:      " + message,
                        messagePart, message, thrown);
            }
            return type.cast(thrown);
        }

        private List<E> events(String expected) {
            if (thrown != null) {
                throw new AssertionFailedError(describe("expected " + expected + ", but the command threw " + thrown), thrown);
            }
            return decided;
        }

        private S after(List<E> events) {
            try {
                return decider.fold(before, events);
            } catch (RuntimeException e) {
                throw new AssertionFailedError(describe("evolve failed on the decided events " + events + ": " + e), e);
            }
        }

        private String describe(String problem) {
            return problem + "\n  given:    " + lines(given) + "\n  when:     " + command + "\n  state:    " + before;
        }
    }

    private static String lines(List<?> events) {
        if (events == null) return "(nothing)";
        if (events.isEmpty()) return "(none)";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            out.append(i == 0 ? "" : "\n            ").append(events.get(i));
        }
        return out.toString();
    }
}
