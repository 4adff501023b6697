package com.tracklane.common.ratelimit;

import com.tracklane.common.Problem;
import com.tracklane.common.ProblemMappers;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 429 problem+json with {@code Retry-After} (seconds) for a client over its rate limit. */
public class RateLimitProblems {

    static Problem problem(TooManyRequestsException e) {
        return Problem.of("too-many-requests", "Too Many Requests", 429, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        return Response.fromResponse(ProblemMappers.response(problem(e).withInstance(uri.getPath())))
                .header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
    }
}
