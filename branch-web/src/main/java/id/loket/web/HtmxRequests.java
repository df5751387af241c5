package id.loket.web;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * htmx marks its requests with {@code HX-Request: true}. With java-script-auto-redirect off, OIDC answers such a
 * request 499 when the session has expired (a redirect to Keycloak could not be followed by htmx), and loket.js
 * keeps what was typed and reloads the page into sign-in.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
