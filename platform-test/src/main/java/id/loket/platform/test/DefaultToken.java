package id.loket.platform.test;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Signs every RestAssured request of a test JVM in as {@link TestTokens#staff()} unless it carries its own
 * {@code Authorization}, or {@link #ANONYMOUS} to go without one (the header is removed before sending).
 * Installed by {@link LoketTestResource}, so tests about behaviour need not repeat a token on every call.
 */
public final class DefaultToken implements Filter {

    /** Send this header (any value) to send the request with no token at all. */
    public static final String ANONYMOUS = "X-Loket-Test-Anonymous";

    private static boolean installed;

    static synchronized void install() {
        if (installed) return;
        RestAssured.filters(new DefaultToken());
        installed = true;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (request.getHeaders().hasHeaderWithName(ANONYMOUS)) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TestTokens.staff());
        }
        return ctx.next(request, response);
    }
}
