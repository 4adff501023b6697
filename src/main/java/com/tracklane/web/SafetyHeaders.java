package com.tracklane.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Safety headers on every answer of the main port (pages, their static files and the JSON API, where they are
 * harmless): a {@code Content-Security-Policy} that allows only this service's own scripts, styles, images and fonts
 * and no framing ({@code frame-ancestors 'none'}), {@code X-Content-Type-Options: nosniff}, a {@code Referrer-Policy}
 * that sends no address to other sites, and {@code X-Frame-Options: DENY} for older browsers. Dev mode's Dev UI
 * ({@code /q/dev-ui}) is left alone: it needs inline scripts.
 */
@ApplicationScoped
public class SafetyHeaders {

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
    public static final String REFERRER_POLICY = "same-origin";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (!path.startsWith("/q/dev")) {
                rc.response().headers()
                        .set("Content-Security-Policy", CSP)
                        .set("X-Content-Type-Options", "nosniff")
                        .set("Referrer-Policy", REFERRER_POLICY)
                        .set("X-Frame-Options", "DENY");
            }
            rc.next();
        }, 100);
    }
}
