package com.tracklane.web.pages;

import com.tracklane.web.Pages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public trip checker at {@code /}: no sign-in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CheckerResource {

    @Inject
    Pages pages;

    @Inject
    Template checker;

    @GET
    public TemplateInstance form() {
        return pages.page(checker, "checker");
    }
}
