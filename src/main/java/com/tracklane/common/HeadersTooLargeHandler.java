package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Refuses request headers over 20 KiB in all (each line counted as {@code name: value} and its CRLF) with a
 * problem+json 431 before anything else looks at them. The HTTP layer's own limit
 * ({@code quarkus.http.limits.max-header-size}) is set well above that so that such requests reach this handler (it
 * answers 431 without a body); beyond that backstop Vert.x still answers 431 itself, as for the 414 of
 * {@link UriTooLongHandler}.
 */
@ApplicationScoped
public class HeadersTooLargeHandler {

    public static final int MAX_HEADER_BYTES = 20 * 1024;

    private final ObjectMapper mapper;

    public HeadersTooLargeHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Written per request, so that it carries the request's trace id. */
    private String body() {
        try {
            return mapper.writeValueAsString(Problem.of("request-header-fields-too-large", "Request Header Fields Too Large", 431,
                    "The request headers are larger than the limit of 20 KiB in all."));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (size(ctx.request().headers()) > MAX_HEADER_BYTES) {
                ctx.response().setStatusCode(431).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body());
            } else {
                ctx.next();
            }
        });
    }

    /** The bytes of the header lines as sent: {@code name: value\r\n} each. */
    static long size(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().getBytes(StandardCharsets.UTF_8).length + header.getValue().getBytes(StandardCharsets.UTF_8).length + 4;
        }
        return size;
    }
}
