package id.loket.platform.tally;

import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.projection.Projection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TallyProjection implements Projection {

    private final EventCodec codec;

    TallyProjection(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public String name() {
        return "tallies";
    }

    @Override
    public List<String> tables() {
        return List.of("tally_view");
    }

    @Override
    public void apply(StoredEvent event) {
        if (!event.streamId().startsWith("tally-")) return;
        switch (codec.decode(event, TallyEvent.class)) {
            case TallyEvent.TallyOpened o -> {
                TallyView v = new TallyView();
                v.id = o.tallyId();
                v.name = o.name();
                v.total = 0;
                v.version = event.version();
                v.updatedAt = event.recordedAt();
                v.persist();
            }
            case TallyEvent.TallyIncremented i -> {
                TallyView v = TallyView.findById(i.tallyId());
                v.total += i.by();
                v.version = event.version();
                v.updatedAt = event.recordedAt();
            }
        }
    }
}
