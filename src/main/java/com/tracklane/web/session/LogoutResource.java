package com.tracklane.web.session;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code POST /logout} (a form with its CSRF token) ends the pages' session in every profile. */
@Path("/logout")
public class LogoutResource {

    @jakarta.inject.Inject
    FormTokens formTokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@jakarta.ws.rs.FormParam(FormTokens.FIELD) String token, @Context HttpServerRequest request) {
        formTokens.require(token);
        return Response.seeOther(URI.create("/")).cookie(SessionCookie.cleared(request)).build();
    }
}
