package id.loket.platform.test;

import id.loket.platform.domain.Decider;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The helper on a tiny decider of its own: every outcome passes when right and fails, readably, when wrong. */
class DeciderSpecTest {

    sealed interface Command {
        record Open(String name) implements Command {
        }

        record Add(int by) implements Command {
        }

        record Touch() implements Command {
        }
    }

    sealed interface Event {
        record Opened(String name) implements Event {
        }

        record Added(int by) implements Event {
        }
    }

    record Counter(String name, int total) {
    }

    static final Decider<Command, Event, Counter> COUNTER = new Decider<>(new Counter(null, 0), DeciderSpecTest::decide,
            DeciderSpecTest::evolve);

    static List<Event> decide(Command command, Counter state) {
        return switch (command) {
            case Command.Open o -> {
                if (state.name() != null) throw new RuleViolation("counter " + state.name() + " is already open");
                yield List.of(new Event.Opened(o.name()));
            }
            case Command.Add a -> {
                if (state.name() == null) throw new RuleViolation("no such counter");
                if (a.by() < 1) throw new InvalidField("by", "must be positive");
                yield List.of(new Event.Added(a.by()));
            }
            case Command.Touch t -> List.of();
        };
    }

    static Counter evolve(Counter state, Event event) {
        return switch (event) {
            case Event.Opened o -> new Counter(o.name(), 0);
            case Event.Added a -> new Counter(state.name(), state.total() + a.by());
        };
    }

    final DeciderSpec<Command, Event, Counter> spec = DeciderSpec.of(COUNTER);

    @Test
    void creationIsACommandOnTheInitialState() {
        Counter after = spec.given().when(new Command.Open("door")).then(new Event.Opened("door"));
        assertEquals(new Counter("door", 0), after);
    }

    @Test
    void thenReturnsTheStateAfterTheNewEvents() {
        Counter after = spec.given(new Event.Opened("door"), new Event.Added(2)).when(new Command.Add(3)).then(new Event.Added(3));
        assertEquals(new Counter("door", 5), after);
        assertEquals(new Counter("door", 2), spec.given(new Event.Opened("door")).given(new Event.Added(2)).state());
    }

    @Test
    void thenFailsWithExpectedAndActualEventsAndTheState() {
        var error = assertThrows(AssertionFailedError.class, () ->
                spec.given(new Event.Opened("door")).when(new Command.Add(3)).then(new Event.Added(4)));
        String m = error.getMessage();
        assertTrue(m.contains("expected: Added[by=4]"), m);
        assertTrue(m.contains("actual:   Added[by=3]"), m);
        assertTrue(m.contains("given:    Opened[name=door]"), m);
        assertTrue(m.contains("when:     Add[by=3]"), m);
        assertTrue(m.contains("state:    Counter[name=door, total=0]"), m);
        assertEquals(List.of(new Event.Added(4)), error.getExpected().getValue());
        assertEquals(List.of(new Event.Added(3)), error.getActual().getValue());
    }

    @Test
    void thenFailsWhenTheCommandThrew() {
        var error = assertThrows(AssertionFailedError.class, () -> spec.given().when(new Command.Add(3)).then(new Event.Added(3)));
        assertTrue(error.getMessage().contains("the command threw"), error.getMessage());
        assertTrue(error.getCause() instanceof RuleViolation);
    }

    @Test
    void thenNothingPassesOnANoOpAndFailsOnEvents() {
        spec.given(new Event.Opened("door")).when(new Command.Touch()).thenNothing();
        var error = assertThrows(AssertionFailedError.class, () ->
                spec.given(new Event.Opened("door")).when(new Command.Add(1)).thenNothing());
        assertTrue(error.getMessage().contains("expected no events"), error.getMessage());
        assertTrue(error.getMessage().contains("Added[by=1]"), error.getMessage());
    }

    @Test
    void thenViolatesChecksTheTypeAndTheMessage() {
        RuleViolation v = spec.given(new Event.Opened("door")).when(new Command.Open("door"))
                .thenViolates(RuleViolation.class, "already open");
        assertEquals("counter door is already open", v.getMessage());
        InvalidField f = spec.given(new Event.Opened("door")).when(new Command.Add(0)).thenViolates(InvalidField.class, "positive");
        assertEquals("by", f.field());

        var accepted = assertThrows(AssertionFailedError.class, () ->
                spec.given(new Event.Opened("door")).when(new Command.Add(1)).thenViolates(RuleViolation.class, "x"));
        assertTrue(accepted.getMessage().contains("the command was accepted"), accepted.getMessage());
        assertTrue(accepted.getMessage().contains("decided:  Added[by=1]"), accepted.getMessage());

        var otherType = assertThrows(AssertionFailedError.class, () ->
                spec.given(new Event.Opened("door")).when(new Command.Add(0)).thenViolates(RuleViolation.class, "positive"));
        assertTrue(otherType.getMessage().contains("but got id.loket.platform.domain.InvalidField"), otherType.getMessage());

        var otherMessage = assertThrows(AssertionFailedError.class, () ->
                spec.given().when(new Command.Add(1)).thenViolates(RuleViolation.class, "closed"));
        assertTrue(otherMessage.getMessage().contains("actual message:      no such counter"), otherMessage.getMessage());
    }

    @Test
    void thenEventsRunsTheCheckAndReportsItsFailureWithTheEvents() {
        spec.given(new Event.Opened("door")).when(new Command.Add(2))
                .thenEvents(events -> assertEquals(1, events.size()));
        var error = assertThrows(AssertionFailedError.class, () -> spec.given(new Event.Opened("door")).when(new Command.Add(2))
                .thenEvents(events -> assertEquals(2, events.size())));
        assertTrue(error.getMessage().contains("failed a check"), error.getMessage());
        assertTrue(error.getMessage().contains("Added[by=2]"), error.getMessage());
    }

    @Test
    void anEvolveThatCannotTakeTheDecidedEventsFails() {
        Decider<Command, Event, Counter> broken = new Decider<>(new Counter(null, 0), DeciderSpecTest::decide, (s, e) -> {
            if (e instanceof Event.Added) throw new IllegalStateException("forgot Added");
            return evolve(s, e);
        });
        var error = assertThrows(AssertionFailedError.class, () ->
                DeciderSpec.of(broken).given(new Event.Opened("door")).when(new Command.Add(1)).then(new Event.Added(1)));
        assertTrue(error.getMessage().contains("evolve failed on the decided events"), error.getMessage());
    }
}
