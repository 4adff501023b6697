package com.tracklane.web.session;

import com.tracklane.web.ErrorPages;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a page's form post without its CSRF token: quarkus-rest-csrf creates the token (the {@code tracklane_csrf}
 * cookie and {@code {inject:csrf.token}} in the form), and this filter checks that the posted {@code csrf-token} field
 * (or the {@code X-CSRF-TOKEN} header) equals the cookie (double submit), for every method but GET, HEAD and OPTIONS on
 * every path outside the JSON API. The extension's own check is switched off
 * ({@code quarkus.rest-csrf.verify-token=false}) because it applies to every path, the API's included, and refuses a
 * bodiless API post that a client labels as a form ({@code POST /dev/tokens?role=…} from many HTTP clients). A refusal
 * is a 400 page in words; nothing is changed.
 */
public class FormTokenCheck {

    /** Where quarkus-rest-csrf keeps the request's token for {@code {inject:csrf.token}}: kept for forms shown again. */
    static final String TOKEN_KEY = "csrf_token";
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final List<String> API_PREFIXES = List.of("/api/", "/q/", "/dev/", "/bench/");

    @Inject
    ErrorPages errors;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String fieldName;

    @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
    String headerName;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE_METHODS.contains(request.getMethod()) || !isPage(request.getUriInfo().getPath())) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(cookieName);
        String sent = request.getHeaderString(headerName);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(fieldName, true, false);
            sent = field instanceof String s ? s : null;
        }
        if (cookie == null || cookie.getValue().isEmpty() || sent == null
                || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            return errors.response(400, "errorCsrf");
        }
        routing.put(TOKEN_KEY, cookie.getValue());
        return null;
    }

    static boolean isPage(String path) {
        return !path.equals("/api") && API_PREFIXES.stream().noneMatch(path::startsWith);
    }
}
