package com.tracklane.security;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * When development tokens are off, {@code /dev/tokens} does not exist for any method: the request is refused
 * before resource matching with the same {@link NotFoundException} an unknown path gets, so the answer (404
 * problem+json, "No resource at …") is indistinguishable from one, and a GET gets 404 rather than 405.
 */
public class DevTokenGate {

    private final boolean enabled = DevTokens.enabled();

    @ServerRequestFilter(preMatching = true)
    public void hideWhenDisabled(ContainerRequestContext request) {
        if (enabled) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.equals(DevTokens.PATH) || path.startsWith(DevTokens.PATH + "/")) {
            throw new NotFoundException();
        }
    }
}
