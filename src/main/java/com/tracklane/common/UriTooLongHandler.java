package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request URI (path and query) over 8 KiB with a problem+json 414 before anything else looks at it. The
 * HTTP layer's own limit on the request line ({@code quarkus.http.limits.max-initial-line-length}) is set well above
 * 8 KiB so that such requests reach this handler; beyond that backstop Vert.x answers 414 itself, without a body.
 */
@ApplicationScoped
public class UriTooLongHandler {

    public static final int MAX_URI_BYTES = 8 * 1024;

    private final ObjectMapper mapper;

    public UriTooLongHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Written per request, so that it carries the request's trace id. */
    private String body() {
        try {
            return mapper.writeValueAsString(Problem.of("uri-too-long", "URI Too Long", 414,
                    "The request URI is longer than the limit of 8 KiB."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String uri = ctx.request().uri();
            if (uri != null && uri.length() > MAX_URI_BYTES) {
                ctx.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body());
            } else {
                ctx.next();
            }
        });
    }
}
