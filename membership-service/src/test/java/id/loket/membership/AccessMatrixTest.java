package id.loket.membership;

import id.loket.platform.test.AccessMatrix;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * membership-service's rows of the role matrix (docs/security.md), probed against every operation of its OpenAPI
 * document. Participants are national, so no route is branch-scoped; the reads are audited instead (AuditTest), and
 * the four-eyes rule of the approvals is DeactivationTest's.
 */
@QuarkusTest
class AccessMatrixTest {

    static final String F = "FRONTLINER";
    static final String S = "SUPERVISOR";

    @TestHTTPResource("/")
    URI base;

    static AccessMatrix matrix(URI base) {
        return AccessMatrix.against(base, "SDA", "SBY")
                .route("POST /participants", F, S)
                .route("POST /families/members", F, S)
                .route("POST /participants/search", F, S, "SECURITY_OFFICER")
                .route("GET /participants/{id}", F, S)
                .route("GET /participants/{id}/status", F, S, "SECURITY_OFFICER")
                .route("GET /participants/{id}/arrears", F, S, "SECURITY_OFFICER")
                .route("GET /participants/{id}/history", F, S)
                .route("POST /families/search", F, S)
                .route("GET /families/{familyId}", F, S)
                .route("POST /participants/{id}/deactivations", F, S)
                .route("POST /participants/{id}/deactivation-reversals", F, S)
                .route("POST /participants/{id}/deactivation-requests/{requestId}/approve", S)
                .route("POST /participants/{id}/deactivation-requests/{requestId}/reject", S)
                .route("POST /participants/{id}/deactivation-reversal-requests/{requestId}/approve", S)
                .route("POST /participants/{id}/deactivation-reversal-requests/{requestId}/reject", S)
                .route("GET /deactivation-requests", S)
                .route("POST /participants/{id}/corrections", S)
                .route("POST /participants/{id}/civil-registry-sync", S)
                .route("POST /payments", F, S)
                .route("POST /accounts/{accountId}/instalment-plans", F, S)
                .route("GET /accounts/{accountId}/instalment-plans", F, S)
                .route("POST /billing-runs", "ADMIN")
                .route("POST /admin/suspension-runs", "ADMIN")
                .route("POST /participants/import", "ADMIN")
                .route("POST /admin/projections/{name}/rebuild", "ADMIN")
                .route("GET /audit/participants/{id}", S);
    }

    @Test
    void everyRouteIsOpenToExactlyItsRoles() {
        assertThat(matrix(base).check()).isEmpty();
    }

    @Test
    void aDifferenceFromTheMatrixIsFound() {
        assertThat(matrix(base).route("POST /participants/{id}/deactivation-requests/{requestId}/approve", F).check())
                .anySatisfy(f -> assertThat(f).startsWith("POST /participants/{id}/deactivation-requests/{requestId}/approve as role SUPERVISOR"));
        assertThat(matrix(base).route("GET /audit/participants/{id}", S, F).check())
                .anySatisfy(f -> assertThat(f).startsWith("GET /audit/participants/{id} as role FRONTLINER: 403"));
    }
}
