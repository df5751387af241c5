package id.loket.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is acting in this request, from the verified bearer token: the subject, the roles and the
 * {@code branch} claim. A user acts only on their own branch; a user holding {@link Roles#ADMIN} or
 * {@link Roles#ANALYST} whose token has no branch is national and may act on every branch (within the
 * routes their roles open). A token of any other role without a branch may act on none.
 */
@RequestScoped
public class CurrentActor {

    /** The token claim that names the user's branch (a Keycloak user attribute mapped into the token). */
    public static final String BRANCH_CLAIM = "branch";

    @Inject
    SecurityIdentity identity;

    /** The token subject, or empty for an anonymous request (a public route). */
    public Optional<String> subject() {
        if (identity.isAnonymous()) return Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return Optional.of(jwt.getSubject());
        }
        return Optional.ofNullable(identity.getPrincipal().getName());
    }

    /** The user's branch code, from the token, or empty. */
    public Optional<String> branch() {
        if (identity.isAnonymous()) return Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            Object claim = jwt.getClaim(BRANCH_CLAIM);
            // a Keycloak attribute mapper gives a string, or a one-element list when marked multivalued
            if (claim instanceof Collection<?> values) claim = values.isEmpty() ? null : values.iterator().next();
            if (claim != null) {
                String value = claim.toString().replace("\"", "").trim();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** National: an administrator or analyst whose token names no branch. */
    public boolean isNational() {
        return branch().isEmpty() && (hasRole(Roles.ADMIN) || hasRole(Roles.ANALYST));
    }

    /** May this user act on that branch? */
    public boolean mayActOn(String branchCode) {
        if (isNational()) return true;
        return branch().map(own -> Objects.equals(own, branchCode)).orElse(false);
    }

    /** Refuses (403) an action on a branch that is not the user's own. */
    public void requireBranch(String branchCode) {
        if (mayActOn(branchCode)) return;
        throw new BranchForbidden(branch()
                .map(own -> "a user of branch " + own + " may not act on branch " + branchCode)
                .orElse("the token names no branch, so it may not act on branch " + branchCode));
    }
}
