package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body over 256 KiB with a problem+json 413 before it is read. Chunked bodies without a
 * declared length are measured by {@link JsonBodies}; the HTTP layer's own limit
 * ({@code quarkus.http.limits.max-body-size}) is only a backstop for very large ones.
 */
@ApplicationScoped
public class PayloadTooLargeHandler {

    private final String body;

    public PayloadTooLargeHandler(ObjectMapper mapper) throws JsonProcessingException {
        this.body = mapper.writeValueAsString(Problem.of("payload-too-large", "Payload Too Large", 413,
                "The body is larger than the limit of 256 KiB."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > JsonBodies.MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
