package id.loket.platform.domain;

import java.util.List;
import java.util.function.BiFunction;

/**
 * An aggregate as three plain functions (the "decider" pattern): what state a new stream starts in, which
 * events a command yields in a state (or a thrown rule violation), and how an event moves the state on.
 * The domain writes these as static methods over its own sealed records; no framework type is involved.
 *
 * @param <C> command type
 * @param <E> event type (a sealed interface of records)
 * @param <S> state type
 */
public record Decider<C, E, S>(S initialState, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {

    public S fold(S state, List<? extends E> events) {
        S s = state;
        for (E e : events) s = evolve.apply(s, e);
        return s;
    }
}
