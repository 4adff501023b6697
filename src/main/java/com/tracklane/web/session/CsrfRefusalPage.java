package com.tracklane.web.session;

import com.tracklane.web.ErrorPages;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * quarkus-rest-csrf refuses a page's form post without its token (or with a wrong one) before the page method runs,
 * with a bare 400. The visitor gets the same page in words as {@link FormTokenMissing} gives, with nothing changed.
 */
public class CsrfRefusalPage {

    @Inject
    ErrorPages errors;

    @ServerResponseFilter
    public void inWords(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 400 || response.hasEntity()) {
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (RuntimeException notAMediaType) {
            return;
        }
        if (response.getStatus() == 400 && !response.hasEntity() && type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE))
                && !request.getUriInfo().getPath().startsWith("/api/")) {
            jakarta.ws.rs.core.Response page = errors.response(400, "errorCsrf");
            response.setEntity(page.getEntity(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
