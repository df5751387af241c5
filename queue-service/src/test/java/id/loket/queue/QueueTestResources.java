package id.loket.queue;

import id.loket.platform.test.LoketTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * One embedded PostgreSQL and one in-JVM Kafka broker for every @QuarkusTest of this module, and the stand-in for
 * membership-service's search that screening falls back to.
 */
@QuarkusTestResource(value = LoketTestResource.class,
        initArgs = @ResourceArg(name = LoketTestResource.DATABASE, value = "loket_queue"))
@QuarkusTestResource(MembershipStandIn.class)
public class QueueTestResources {
}
