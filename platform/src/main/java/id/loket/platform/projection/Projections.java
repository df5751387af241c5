package id.loket.platform.projection;

import id.loket.platform.events.EventCodec;
import id.loket.platform.events.EventEnvelope;
import id.loket.platform.events.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every projection of the service, applied to each append in the append's transaction: first each untyped
 * {@link Projection}, event by event as they always were, then each {@link EventProjection} with the append's
 * events of its family as one batch.
 */
@ApplicationScoped
public class Projections {

    private final List<Projection> all;
    private final List<EventProjection<?>> typed;
    private final EventCodec codec;

    Projections(Instance<Projection> projections, Instance<EventProjection<?>> typed, EventCodec codec) {
        this.all = projections.stream().toList();
        this.typed = typed.stream().toList();
        this.codec = codec;
        Set<String> names = new HashSet<>();
        for (Projection p : all) names.add(p.name());
        for (EventProjection<?> p : this.typed) {
            if (!names.add(p.name())) throw new IllegalStateException("two projections are named " + p.name());
        }
    }

    public void apply(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            for (Projection projection : all) {
                projection.apply(event);
            }
        }
        for (EventProjection<?> projection : typed) {
            applyTyped(projection, events);
        }
    }

    /** An untyped projection by name. */
    public Optional<Projection> named(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** A projection of either kind, as the rebuilder replays into it: a chunk of stored events at a time. */
    interface Target {
        String name();

        List<String> tables();

        void apply(List<StoredEvent> chunk);
    }

    Optional<Target> target(String name) {
        Optional<Target> untyped = named(name).map(p -> new Target() {
            public String name() {
                return p.name();
            }

            public List<String> tables() {
                return p.tables();
            }

            public void apply(List<StoredEvent> chunk) {
                chunk.forEach(p::apply);
            }
        });
        if (untyped.isPresent()) return untyped;
        return typed.stream().filter(p -> p.name().equals(name)).findFirst().map(p -> new Target() {
            public String name() {
                return p.name();
            }

            public List<String> tables() {
                return p.tables();
            }

            public void apply(List<StoredEvent> chunk) {
                applyTyped(p, chunk);
            }
        });
    }

    private <E> void applyTyped(EventProjection<E> projection, List<StoredEvent> events) {
        Class<E> family = projection.family();
        List<EventEnvelope<E>> mine = new ArrayList<>();
        for (StoredEvent e : events) {
            if (codec.belongsTo(e.type(), family)) mine.add(codec.envelope(e, family));
        }
        if (!mine.isEmpty()) projection.apply(mine);
    }
}
