package id.loket.web;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The CSRF token for the htmx header (layout.html: hx-headers X-CSRF-TOKEN), or "" on an answer the CSRF filter did
 * not see (an error page rendered before it ran): such a page posts nothing that would need it.
 */
@RequestScoped
@Named("csrfHeader")
public class Csrf {

    @Inject
    RoutingContext context;

    public String token() {
        Object t = context.get("csrf_token");
        return t == null ? "" : t.toString();
    }
}
