package com.tracklane.security;

import com.tracklane.common.Problem;
import com.tracklane.common.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Security failures as RFC 9457 problems (they replace Quarkus REST's built-in mappers, which answer an empty
 * body). With {@code quarkus.http.auth.proactive=false} a bearer token is only verified when a protected
 * endpoint is reached, inside the REST layer, so every failure passes through here:
 * <ul>
 * <li>no token (or not a bearer one) on a protected endpoint → {@link UnauthorizedException} → 401;</li>
 * <li>a token that fails verification (expired, wrong signature, wrong issuer, malformed) →
 * {@link AuthenticationFailedException} → 401 with {@code error="invalid_token"} (RFC 6750 §3);</li>
 * <li>a valid token without an allowed role → {@link ForbiddenException} → 403.</li>
 * </ul>
 * The reason a token was refused is logged at DEBUG, never returned.
 */
public class SecurityProblemMappers {

    private static final Logger LOG = Logger.getLogger(SecurityProblemMappers.class);

    public static final String CHALLENGE = "Bearer";
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(CHALLENGE, "A bearer token is required: send 'Authorization: Bearer <token>'.", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Bearer token refused on %s: %s", uri.getPath(), rootMessage(e));
        }
        return unauthorizedResponse(INVALID_TOKEN_CHALLENGE,
                "The bearer token is not valid: it is malformed, expired, wrongly signed or from another issuer.", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.response(Problem.of("forbidden", "Forbidden", 403,
                "The token's roles do not allow this request.").withInstance(uri.getPath()));
    }

    private static Response unauthorizedResponse(String challenge, String detail, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.response(
                        Problem.of("unauthorized", "Unauthorized", 401, detail).withInstance(uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
