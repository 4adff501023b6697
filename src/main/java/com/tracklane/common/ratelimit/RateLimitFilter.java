package com.tracklane.common.ratelimit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Charges one token per request on the limited paths ({@code tracklane.rate-limit.paths}) before anything is read
 * or parsed, and answers 429 problem+json with {@code Retry-After} when the client's bucket is empty. Right after the
 * cheap refusals of {@code common} (URI, headers, declared body size), which run first.
 *
 * <p>Outside {@code /api/} (the public pages) the refusal is not answered here but handed to the JAX-RS layer
 * ({@link RateLimitProblems#refuseHandedOn}), which throws it before any resource runs: the same 429 with
 * {@code Retry-After}, which a browser then gets as a page in words like every other error of the pages.
 */
@ApplicationScoped
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final ObjectMapper mapper;

    public RateLimitFilter(RateLimiter limiter, ObjectMapper mapper) {
        this.limiter = limiter;
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        if (!limiter.enabled()) {
            return;
        }
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            Long wait = limiter.covers(path) ? limiter.tryTake(RateLimiter.clientOf(ctx.request()), 1) : null;
            if (wait == null) {
                ctx.next();
            } else if (path.startsWith("/api/")) {
                refuse(ctx, path, limiter.refusal(1, wait));
            } else {
                ctx.put(RateLimitProblems.HANDED_ON, limiter.refusal(1, wait));
                ctx.next();
            }
        });
    }

    private void refuse(RoutingContext ctx, String path, TooManyRequestsException e) {
        String body;
        try {
            body = mapper.writeValueAsString(RateLimitProblems.problem(e).withInstance(path));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        ctx.response().setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .end(body);
    }
}
