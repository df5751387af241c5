package id.loket.platform.it;

import id.loket.platform.test.AccessMatrix;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** The matrix probe every service runs, on the platform's test app: passes when true, finds what is not. */
@QuarkusTest
class AccessMatrixTest {

    @TestHTTPResource("/")
    URI base;

    private AccessMatrix matrix() {
        return AccessMatrix.against(base, "SDA", "SBY")
                .route("POST /tallies", "FRONTLINER", "SUPERVISOR")
                .route("POST /tallies/{id}/increments", "FRONTLINER", "SUPERVISOR")
                .route("GET /tallies/{id}", "FRONTLINER", "SUPERVISOR")
                .route("GET /tallies/branches/{code}", "FRONTLINER", "SUPERVISOR")
                .route("GET /tallies/public", AccessMatrix.PUBLIC)
                .route("POST /admin/projections/{name}/rebuild", "ADMIN")
                .route("GET /branch-checks/branches/{code}", "FRONTLINER", "SUPERVISOR")
                .route("POST /branch-checks/notes", "FRONTLINER", "SUPERVISOR")
                .route("GET /branch-checks/desks/{desk}", "FRONTLINER", "SUPERVISOR")
                .branchScoped("GET /tallies/branches/{code}", "/tallies/branches/SDA", null);
    }

    @Test
    void theTestAppKeepsItsMatrix() {
        assertThat(matrix().check()).isEmpty();
    }

    @Test
    void aRouteOpenToMoreThanTheMatrixSaysIsFound() {
        assertThat(matrix().route("GET /tallies/{id}", "SUPERVISOR").check())
                .anySatisfy(f -> assertThat(f).startsWith("GET /tallies/{id} as role FRONTLINER: ").contains("expected 403"));
    }

    @Test
    void aRouteMissingFromTheMatrixIsFound() {
        AccessMatrix m = AccessMatrix.against(base, "SDA", "SBY").route("GET /tallies/public", AccessMatrix.PUBLIC);
        assertThat(m.check()).contains("POST /tallies: not in the role matrix");
    }
}
