package com.tracklane.bench;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** The floor endpoint disabled: refused before matching, exactly as an unknown path is (404 problem+json, any method). */
public class FloorGate {

    private final boolean enabled = ConfigProvider.getConfig()
            .getOptionalValue(FloorResource.ENABLED_PROPERTY, Boolean.class).orElse(false);

    @ServerRequestFilter(preMatching = true)
    public void hideWhenDisabled(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!enabled && (path.equals(FloorResource.PATH) || path.startsWith(FloorResource.PATH + "/"))) {
            throw new NotFoundException();
        }
    }
}
