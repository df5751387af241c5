package id.loket.platform.projection;

import id.loket.platform.events.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.List;
import java.util.Optional;

/** Every projection of the service, applied to each appended event in the append's transaction. */
@ApplicationScoped
public class Projections {

    private final List<Projection> all;

    Projections(Instance<Projection> projections) {
        this.all = projections.stream().toList();
    }

    public void apply(List<StoredEvent> events) {
        for (StoredEvent event : events) {
            for (Projection projection : all) {
                projection.apply(event);
            }
        }
    }

    public Optional<Projection> named(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
