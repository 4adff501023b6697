package com.tracklane.web.session;

import com.tracklane.security.DevTokens;
import com.tracklane.web.ErrorPages;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Staff pages without a session send the visitor to the sign-in page (and back afterwards); with a session whose
 * roles do not allow the page, they answer 403 with a page in words.
 */
public class SessionErrors {

    @Inject
    ErrorPages errors;

    @ServerExceptionMapper
    public Response signInRequired(SignInRequired e, UriInfo uri) {
        if (!DevTokens.enabled()) {
            return errors.response(401, null); // production sign-in (OpenID Connect) is configured separately
        }
        String back = uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return Response.seeOther(URI.create("/login?required=true&next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
    }

    @ServerExceptionMapper
    public Response formTokenMissing(FormTokenMissing e) {
        return errors.response(400, "errorCsrf");
    }

    @ServerExceptionMapper
    public Response forbidden(PageForbidden e) {
        return errors.response(403, null);
    }
}
