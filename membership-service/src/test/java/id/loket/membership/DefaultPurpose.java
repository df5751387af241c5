package id.loket.membership;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.Map;

/**
 * Every audited read states a purpose ({@code X-Purpose}); behaviour tests send {@value #PURPOSE} unless they set
 * their own, or {@link #NONE} to send none (the header is removed before sending). AuditTest checks the header itself.
 */
public class DefaultPurpose implements QuarkusTestResourceLifecycleManager, Filter {

    public static final String PURPOSE = "visit:test-behaviour";
    /** Send this header (any value) to send the request without X-Purpose. */
    public static final String NONE = "X-Loket-Test-No-Purpose";

    private static boolean installed;

    @Override
    public Map<String, String> start() {
        synchronized (DefaultPurpose.class) {
            if (!installed) {
                RestAssured.filters(new DefaultPurpose());
                installed = true;
            }
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (request.getHeaders().hasHeaderWithName(NONE)) {
            request.removeHeader(NONE);
        } else if (!request.getHeaders().hasHeaderWithName("X-Purpose")) {
            request.header("X-Purpose", PURPOSE);
        }
        return ctx.next(request, response);
    }
}
