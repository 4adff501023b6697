package com.tracklane.web.session;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * quarkus-rest-csrf verifies every unsafe request that carries a form: the pages' forms (their token must match the
 * {@code tracklane_csrf} cookie) and also a bodiless JSON-API post that a client labels as a form (RestAssured,
 * {@code curl -d ''} on {@code POST /dev/tokens?role=…}), which it would refuse for having no form. Such a request has no
 * form to protect and authenticates by bearer token, so before anything reads it, its empty form label is dropped. No
 * API operation consumes a form, so an API request with a form body is relabelled {@code application/octet-stream} and
 * gets the 415 problem (instead of the extension's bare 400). Requests to the pages are left as they are. A {@code Content-Type} that is no media type at all
 * (the extension would fail parsing it, a 500) becomes {@code application/octet-stream}, which no form and no JSON
 * operation consumes: the caller gets the 415 problem.
 */
public class ApiPostsAreNotForms {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            HttpServerRequest request = ctx.request();
            String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && !parses(type)) {
                request.headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
            }
            if (request.method() != HttpMethod.GET && isApi(request.path()) && isForm(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
                if (isEmpty(request)) {
                    request.headers().remove(HttpHeaders.CONTENT_TYPE);
                } else {
                    // no API operation consumes a form: the caller gets the 415 problem, not the extension's bare 400
                    request.headers().set(HttpHeaders.CONTENT_TYPE, "application/octet-stream");
                }
            }
            ctx.next();
        });
    }

    private static boolean parses(String type) {
        try {
            jakarta.ws.rs.core.MediaType.valueOf(type);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isEmpty(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null && (length == null || "0".equals(length.trim()));
    }

    private static boolean isForm(String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/x-www-form-urlencoded") || t.startsWith("multipart/form-data");
    }

    private static boolean isApi(String path) {
        return path != null && (path.startsWith("/api/") || path.startsWith("/dev/") || path.startsWith("/bench/"));
    }
}
