package com.tracklane.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Errors answered to a browser outside the JSON API become pages in words: when the request accepts
 * {@code text/html}, is not under {@code /api/}, {@code /q/}, {@code /dev/} or {@code /bench/}, and the answer is an
 * error that is not already a page (an RFC 9457 problem, say), its body is replaced by {@link ErrorPages}' page with the
 * same status. The JSON API's problem responses are left exactly as they are.
 */
public class HtmlErrors {

    private static final Logger LOG = Logger.getLogger(HtmlErrors.class);
    static final List<String> API_PREFIXES = List.of("/api/", "/q/", "/dev/", "/bench/");

    @Inject
    ErrorPages errors;

    @ServerResponseFilter
    public void asPage(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || !wantsPage(request)) {
            return;
        }
        MediaType type = response.getMediaType();
        if ((type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) || response.getEntity() instanceof io.quarkus.qute.TemplateInstance) {
            return; // already a page (a form shown again with its problems, say)
        }
        try {
            response.setEntity(errors.render(status, null), new Annotation[0], ErrorPages.HTML);
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ErrorPages.HTML.toString());
        } catch (RuntimeException failed) {
            LOG.warnf("Error page could not be rendered: %s", failed.getClass().getName());
        }
    }

    static boolean wantsPage(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/api") || API_PREFIXES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
