package id.loket.web;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The page language: Bahasa Indonesia unless the person chose English ({@code ?lang=en}, then remembered in the
 * {@code lang} cookie for a year; {@code ?lang=id} switches back). The browser's own language is not asked: the
 * branch works in Indonesian, whatever the tablet was set up with.
 */
@RequestScoped
public class Languages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final String COOKIE = "lang";

    @Inject
    HttpServerRequest request;

    public Locale current() {
        String chosen = request.getParam(COOKIE);
        if (chosen == null && request.getCookie(COOKIE) != null) chosen = request.getCookie(COOKIE).getValue();
        return "en".equals(chosen) ? Locale.ENGLISH : INDONESIAN;
    }

    /** The language chosen on this request by ?lang=, or null. */
    String chosenNow() {
        return request.getParam(COOKIE);
    }

    /** The current path with the other language chosen, other query parameters kept. */
    public String otherLanguageUrl() {
        String other = "en".equals(current().getLanguage()) ? "id" : "en";
        StringBuilder query = new StringBuilder();
        request.params().forEach((k, v) -> {
            if (!k.equals(COOKIE)) query.append(enc(k)).append('=').append(enc(v)).append('&');
        });
        query.append(COOKIE).append('=').append(other);
        return request.path() + "?" + query;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every page is rendered in the chosen language; a chosen language is remembered. Before Qute renders it. */
    public static class Filter {

        @Inject
        Languages languages;

        /**
         * quarkus-rest-qute picks a page's locale from Accept-Language (its selected variant); the person's choice
         * stands in for the browser's.
         */
        @ServerRequestFilter(preMatching = true)
        public void choose(ContainerRequestContext request) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, languages.current().toLanguageTag());
        }

        @ServerResponseFilter(priority = Priorities.USER + 1000)
        public void apply(ContainerResponseContext response) {
            if (response.getEntity() instanceof TemplateInstance page) {
                page.setLocale(languages.current());
            }
            String chosen = languages.chosenNow();
            if ("en".equals(chosen) || "id".equals(chosen)) {
                response.getHeaders().add("Set-Cookie", new NewCookie.Builder(COOKIE).value(chosen).path("/")
                        .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
            }
            response.getHeaders().putSingle("Content-Language", languages.current().getLanguage());
        }
    }
}
