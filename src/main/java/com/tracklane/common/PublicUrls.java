package com.tracklane.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links the service hands out ({@code Location} headers). Never built from the request's {@code Host} header, which a
 * client chooses: absolute under {@code tracklane.public-base-url} when it is configured (the address clients reach
 * the service at, e.g. {@code https://tracklane.embassy.example}), else a path relative to the service's root, which
 * HTTP clients resolve against the address they called (RFC 9110 §10.2.2).
 */
@ApplicationScoped
public class PublicUrls {

    private final String base;

    public PublicUrls(@ConfigProperty(name = "tracklane.public-base-url") Optional<String> base) {
        this.base = base.map(String::strip).filter(b -> !b.isEmpty()).map(PublicUrls::checked).orElse("");
    }

    /** {@code path} starts with a slash, e.g. {@code /api/v1/applications/…}. */
    public String to(String path) {
        return base + path;
    }

    private static String checked(String base) {
        URI uri = URI.create(base);
        if (!uri.isAbsolute() || uri.getHost() == null || !(base.startsWith("https://") || base.startsWith("http://"))) {
            throw new IllegalArgumentException("tracklane.public-base-url must be an absolute http(s) URL, such as https://tracklane.example.org");
        }
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
