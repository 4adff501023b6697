package com.tracklane.web.pages;

import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import com.tracklane.web.session.PageSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The start page of the officer desk, for officer (officers): without a session the visitor is sent to sign in, with another role
 * they get a 403 page in words. For now it says who is signed in; the desk's pages grow from here.
 */
@Path("/officer")
@Produces(MediaType.TEXT_HTML)
public class OfficerDeskResource {

    @Inject
    PageSession session;

    @Inject
    Pages pages;

    @Inject
    Template desk;

    @GET
    public TemplateInstance start() {
        return pages.page(desk, "officer").data("titleKey", "deskOfficerTitle").data("user", session.require(Roles.OFFICER));
    }
}
