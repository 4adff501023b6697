package com.tracklane.web.session;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF check of the pages' forms (double submit): quarkus-rest-csrf creates the token (the {@code tracklane_csrf}
 * cookie, and {@code {inject:formToken.value}} in each form's hidden {@code csrf-token} field); every page method that accepts a post calls {@link #require}
 * with the posted {@code csrf-token} field, which must equal the cookie, else {@link FormTokenMissing} answers a 400 page
 * in words and nothing is changed. The extension verifies the form posts too ({@link CsrfRefusalPage} answers its
 * refusal in words); JSON requests are not forms and not verified (the API authenticates by bearer token).
 */
@jakarta.inject.Named("formToken")
@RequestScoped
public class FormTokens {

    /** Where quarkus-rest-csrf keeps the request's token for {@code {inject:csrf.token}}: kept for forms shown again. */
    static final String TOKEN_KEY = "csrf_token";
    /** The form field's name ({@code quarkus.rest-csrf.form-field-name}). */
    public static final String FIELD = "csrf-token";

    @Inject
    RoutingContext routing;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    /**
     * The token for a form on this page ({@code {inject:formToken.value}}): the one quarkus-rest-csrf created for this
     * request, else the visitor's cookie, else empty (a form that will be refused, never a failed page).
     */
    public String getValue() {
        Object created = routing.get(TOKEN_KEY);
        if (created instanceof String token) {
            return token;
        }
        Cookie cookie = routing.request().getCookie(cookieName);
        return cookie == null ? "" : cookie.getValue();
    }

    /** Throws {@link FormTokenMissing} unless {@code sent} equals the CSRF cookie. */
    public void require(String sent) {
        Cookie cookie = routing.request().getCookie(cookieName);
        if (cookie == null || cookie.getValue().isEmpty() || sent == null
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            throw new FormTokenMissing();
        }
        routing.put(TOKEN_KEY, cookie.getValue());
    }
}
