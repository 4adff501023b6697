package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body over 256 KiB (4 MiB for the batch check, see {@link JsonBodies#limitFor}) with a
 * problem+json 413 before it is read. Chunked bodies without a declared length are measured by {@link JsonBodies};
 * the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) is only a backstop for very large ones.
 */
@ApplicationScoped
public class PayloadTooLargeHandler {

    private final String body;
    private final String batchBody;

    public PayloadTooLargeHandler(ObjectMapper mapper) throws JsonProcessingException {
        this.body = mapper.writeValueAsString(Problem.of("payload-too-large", "Payload Too Large", 413,
                "The body is larger than the limit of 256 KiB."));
        this.batchBody = mapper.writeValueAsString(Problem.of("payload-too-large", "Payload Too Large", 413,
                "The body is larger than the limit of " + JsonBodies.describe(JsonBodies.MAX_BATCH_BYTES) + " for a batch."));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            int limit = JsonBodies.limitFor(ctx.normalizedPath());
            if (length != null && isOver(length, limit)) {
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(limit == JsonBodies.MAX_BYTES ? body : batchBody);
            } else {
                ctx.next();
            }
        });
    }

    private static boolean isOver(String length, int limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
