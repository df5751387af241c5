package id.loket.membership;

import id.loket.platform.test.LoketTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * One embedded PostgreSQL, one in-JVM Kafka broker and the civil-registry simulator for every @QuarkusTest of this module;
 * RestAssured requests state a purpose by default (DefaultPurpose).
 */
@QuarkusTestResource(value = LoketTestResource.class,
        initArgs = @ResourceArg(name = LoketTestResource.DATABASE, value = "loket_membership"))
@QuarkusTestResource(CivilRegistryTestResource.class)
@QuarkusTestResource(DefaultPurpose.class)
public class MembershipTestResources {
}
