package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body over 256 KiB (4 MiB for the batch check, see {@link JsonBodies#limitFor}) with a problem+json 413:
 * a declared one ({@code Content-Length}) before it is read; a chunked one without a declared length while it is read
 * (Vert.x Web's {@link BodyHandler} with the path's limit reads it, and fails the route with 413 as soon as it is over,
 * which the failure handler here answers). So the HTTP layer's own limit ({@code quarkus.http.limits.max-body-size},
 * whose 413 has no body) is never what answers.
 */
@ApplicationScoped
public class PayloadTooLargeHandler {

    private final ObjectMapper mapper;

    public PayloadTooLargeHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Written per request, so that it carries the request's trace id. */
    private String body(int limit) {
        try {
            return mapper.writeValueAsString(Problem.of("payload-too-large", "Payload Too Large", 413,
                    limit == JsonBodies.MAX_BYTES ? "The body is larger than the limit of 256 KiB."
                            : "The body is larger than the limit of " + JsonBodies.describe(JsonBodies.MAX_BATCH_BYTES) + " for a batch."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void install(@Observes Router router) {
        BodyHandler single = BodyHandler.create(false).setBodyLimit(JsonBodies.MAX_BYTES);
        BodyHandler batch = BodyHandler.create(false).setBodyLimit(JsonBodies.MAX_BATCH_BYTES);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            int limit = JsonBodies.limitFor(ctx.normalizedPath());
            if (length != null && isOver(length, limit)) {
                refuse(ctx, limit);
            } else if (length == null && isChunked(ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING))) {
                (limit == JsonBodies.MAX_BYTES ? single : batch).handle(ctx);
            } else {
                ctx.next();
            }
        }).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                refuse(ctx, JsonBodies.limitFor(ctx.normalizedPath()));
            } else {
                ctx.next();
            }
        });
    }

    private void refuse(RoutingContext ctx, int limit) {
        ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body(limit));
    }

    private static boolean isChunked(String transferEncoding) {
        return transferEncoding != null && transferEncoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean isOver(String length, int limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
