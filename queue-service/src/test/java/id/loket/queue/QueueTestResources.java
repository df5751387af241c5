package id.loket.queue;

import id.loket.platform.test.LoketTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** One embedded PostgreSQL and one in-JVM Kafka broker for every @QuarkusTest of this module. */
@QuarkusTestResource(value = LoketTestResource.class,
        initArgs = @ResourceArg(name = LoketTestResource.DATABASE, value = "loket_queue"))
public class QueueTestResources {
}
