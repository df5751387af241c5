package id.loket.platform.it;

import id.loket.platform.test.OpenApiFuzzer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's HTTP conventions hold for any input the test app's OpenAPI document lets a client try. */
@QuarkusTest
class FuzzTest {

    @TestHTTPResource("/")
    URI base;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void malformedAndBoundaryRequestsAreNever5xxAlwaysProblemJsonAndChangeNothing() {
        var report = OpenApiFuzzer.against(base).stateProbe(OpenApiFuzzer.eventsIn(dataSource)).run(7);
        assertThat(report.findings()).isEmpty();
        assertThat(report.sent()).isGreaterThan(50);
        assertThat(report.rejected()).isGreaterThan(report.sent() / 2);
    }
}
