package com.tracklane.web.i18n;

import com.tracklane.common.Languages;
import com.tracklane.web.session.LoginResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The language switch: {@code GET /language/ja?back=/tracks} remembers the choice in a cookie for a year and returns to
 * the page the visitor was on. A plain link, so it works without JavaScript; it changes only a display preference.
 */
@Path("/language")
public class LanguageResource {

    static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    @GET
    @Path("{code}")
    public Response choose(@PathParam("code") String code, @QueryParam("back") String back) {
        if (!Languages.SUPPORTED.contains(code)) {
            throw new NotFoundException();
        }
        String target = LoginResource.safeNext(back);
        NewCookie cookie = new NewCookie.Builder(PageLanguage.COOKIE).value(code).path("/").maxAge(ONE_YEAR_SECONDS)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(target == null ? "/" : target)).cookie(cookie).build();
    }
}
