package com.tracklane.web.session;

import com.tracklane.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Who is signed in to the pages, for templates ({@code {inject:session.user}}) and staff pages
 * ({@link #require(String...)}). The identity comes from Quarkus security: the session cookie carries the same kind
 * of signed token as the API's bearer header ({@link SessionCookie}). A cookie whose token is expired or refused
 * counts as no session (the visitor is asked to sign in again), never as an error.
 */
@Named("session")
@RequestScoped
public class PageSession {

    private static final Logger LOG = Logger.getLogger(PageSession.class);

    @Inject
    CurrentIdentityAssociation identities;

    private Optional<StaffUser> user;

    /** The signed-in user, or empty. Resolves the identity on first use (only off the event loop). */
    public Optional<StaffUser> current() {
        if (user == null) {
            user = resolve();
        }
        return user;
    }

    /** For templates: the user, or null when nobody is signed in. */
    public StaffUser getUser() {
        if (user == null && Context.isOnEventLoopThread()) {
            return null; // an error page rendered on the event loop: don't block to verify a token there
        }
        return current().orElse(null);
    }

    /**
     * The signed-in user when they hold one of {@code roles}. Throws {@link SignInRequired} when nobody is signed in
     * and {@link PageForbidden} when the user's roles do not include any of them.
     */
    public StaffUser require(String... roles) {
        StaffUser who = current().orElseThrow(SignInRequired::new);
        Set<String> allowed = Arrays.stream(roles).collect(Collectors.toSet());
        if (who.roles().stream().noneMatch(allowed::contains)) {
            throw new PageForbidden();
        }
        return who;
    }

    private Optional<StaffUser> resolve() {
        SecurityIdentity identity;
        try {
            identity = identities.getDeferredIdentity().await().indefinitely();
        } catch (RuntimeException refused) {
            LOG.debugf("Session token refused: %s", refused.getClass().getSimpleName());
            return Optional.empty();
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Set<String> roles = identity.getRoles().stream().filter(Roles::isKnown).collect(Collectors.toUnmodifiableSet());
        return Optional.of(new StaffUser(identity.getPrincipal().getName(), roles));
    }
}
