package com.tracklane.web.session;

import com.tracklane.security.DevTokens;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When development tokens are off (production), the development sign-in page does not exist for any method: the
 * request is refused before matching (and before the CSRF check) with the 404 an unknown path gets.
 */
public class LoginGate {

    private final boolean enabled = DevTokens.enabled();

    @ServerRequestFilter(preMatching = true)
    public void hideWhenDisabled(ContainerRequestContext request) {
        if (!enabled && request.getUriInfo().getPath().equals("/login")) {
            throw new NotFoundException();
        }
    }
}
