package id.loket.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The signed-in person as the pages show them ({@code inject:who} in templates): name, branch, roles. Nothing is
 * decided from this but which page to offer first: every role and branch check is the services' own.
 */
@RequestScoped
@Named("who")
public class Who {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    Languages languages;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    /** The username (Keycloak's preferred_username), which the services record as who opened a counter. */
    public String name() {
        if (!signedIn()) return "";
        String name = claim("preferred_username");
        return name != null ? name : identity.getPrincipal().getName();
    }

    public String fullName() {
        String n = claim("name");
        return n != null ? n : name();
    }

    /** The person's branch (claim {@code branch}); "" for a national user. */
    public String branch() {
        String b = claim("branch");
        return b == null ? "" : b;
    }

    public boolean has(String role) {
        return signedIn() && identity.hasRole(role);
    }

    public List<String> roles() {
        return signedIn() ? identity.getRoles().stream().sorted().toList() : List.of();
    }

    public String lang() {
        return languages.current().getLanguage();
    }

    /** The same page in the other language (the one-click switch in every page's header). */
    public String otherLangUrl() {
        return languages.otherLanguageUrl();
    }

    public String otherLangLabel() {
        return "en".equals(lang()) ? "Bahasa Indonesia" : "English";
    }

    private String claim(String name) {
        try {
            Object v = idToken == null ? null : idToken.getClaim(name);
            return v == null ? null : v.toString().replace("\"", "");
        } catch (RuntimeException e) {
            return null; // no ID token (tests with the OIDC tenant off)
        }
    }
}
