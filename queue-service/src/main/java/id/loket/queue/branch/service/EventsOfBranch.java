package id.loket.queue.branch.service;

import id.loket.platform.events.MetadataContext;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Names the branch where a command happens in the metadata of the events it appends ({@code EventMetadata.branch}):
 * the branch of the ticket, counter, booking or visit acted on, not the signed-in user's (a national supervisor
 * acts on every branch). Outside a request or job context (a test calling a service directly) there is no
 * metadata context to name it in, and the events carry none, as before.
 */
@ApplicationScoped
public class EventsOfBranch {

    private final MetadataContext metadata;

    EventsOfBranch(MetadataContext metadata) {
        this.metadata = metadata;
    }

    /** The events appended from here on in this request or job happen at this branch. */
    public void at(String branch) {
        if (Arc.container().requestContext().isActive()) metadata.branch(branch);
    }
}
