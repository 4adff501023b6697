package com.tracklane.common.ratelimit;

import com.tracklane.common.Problem;
import com.tracklane.common.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** 429 problem+json with {@code Retry-After} (seconds) for a client over its rate limit. */
public class RateLimitProblems {

    /** The routing context's key of a refusal handed on to the JAX-RS layer (see {@link RateLimitFilter}). */
    static final String HANDED_ON = TooManyRequestsException.class.getName();

    /** Throws the refusal the rate-limit route handed on, before matching a resource (so before a form is read). */
    @ServerRequestFilter(preMatching = true)
    public void refuseHandedOn(RoutingContext ctx) {
        TooManyRequestsException refused = ctx.get(HANDED_ON);
        if (refused != null) {
            throw refused;
        }
    }

    static Problem problem(TooManyRequestsException e) {
        return Problem.of("too-many-requests", "Too Many Requests", 429, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.response(problem(e).withInstance(uri.getPath())))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
