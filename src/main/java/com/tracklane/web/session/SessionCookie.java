package com.tracklane.web.session;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;
import java.util.Set;

/**
 * The pages' session cookie: it carries a signed token of the same kind as the API's bearer header, which Quarkus
 * security verifies on every request ({@code mp.jwt.token.header=Cookie}, {@code mp.jwt.token.cookie}; the
 * {@code Authorization} header is still read when the cookie is absent, so the JSON API keeps its bearer tokens).
 * {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (not sent on cross-site form posts) and {@code Secure}
 * unless the service is reached on the loopback host (a developer's {@code http://localhost:8080}).
 */
public final class SessionCookie {

    /** The cookie's name; {@code mp.jwt.token.cookie} names the same. */
    public static final String NAME = "tracklane_session";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private SessionCookie() {
    }

    /** A cookie holding {@code token} for {@code lifespan}. */
    public static NewCookie of(String token, Duration lifespan, HttpServerRequest request) {
        return builder(token, request).maxAge((int) lifespan.toSeconds()).build();
    }

    /** The cookie that ends the session (empty, expired). */
    public static NewCookie cleared(HttpServerRequest request) {
        return builder("", request).maxAge(0).build();
    }

    private static NewCookie.Builder builder(String value, HttpServerRequest request) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).secure(secure(request));
    }

    /** Secure everywhere but on a loopback host over plain HTTP. */
    static boolean secure(HttpServerRequest request) {
        if (request.isSSL()) {
            return true;
        }
        String host = request.authority() == null ? null : request.authority().host();
        return host == null || !LOOPBACK_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT));
    }
}
