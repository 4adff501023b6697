package com.tracklane.web;

import io.quarkus.qute.Template;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/** An error as a page in words (the layout, a title and what to do), in the visitor's language. Never a stack trace. */
@RequestScoped
public class ErrorPages {

    /** The statuses with their own message ({@code error<status>} in the bundle); others get the 400 or 500 one. */
    static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 429, 500, 503);
    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    Template error;

    @Inject
    Pages pages;

    /** The message key for a status, or {@code messageKey} when one is given (e.g. errorCsrf). */
    static String keyFor(int status, String messageKey) {
        if (messageKey != null) {
            return messageKey;
        }
        if (WORDED.contains(status)) {
            return "error" + status;
        }
        return status >= 500 ? "error500" : "error400";
    }

    /** The rendered page. */
    public String render(int status, String messageKey) {
        return pages.page(error, "").data("status", status).data("messageKey", keyFor(status, messageKey)).render();
    }

    /** A response with the page. */
    public Response response(int status, String messageKey) {
        return Response.status(status).type(HTML).entity(render(status, messageKey)).build();
    }
}
