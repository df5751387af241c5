package id.loket.platform.tally;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.events.Upcaster;
import jakarta.enterprise.context.ApplicationScoped;

/** TallyIncremented v1 {"tallyId", "amount"} → v2 {"tallyId", "by"}. */
@ApplicationScoped
public class TallyIncrementedV1Upcaster implements Upcaster {

    @Override
    public String eventType() {
        return "TallyIncremented";
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode payload) {
        ObjectNode v2 = payload.deepCopy();
        v2.set("by", v2.remove("amount"));
        return v2;
    }
}
