package com.tracklane.web;

import com.tracklane.web.i18n.PageLanguage;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Prepares a page for rendering: the language the visitor reads ({@link PageLanguage}) becomes the template's locale,
 * so that {@code {msg:…}} answers in it; {@code here} is the current address (encoded) for links that return to it; {@code nav} names the navigation entry to mark as the current page.
 */
@RequestScoped
public class Pages {

    @Inject
    PageLanguage language;

    @Inject
    RoutingContext routing;

    /** {@code template} in the visitor's language, with {@code nav} (checker, tracks, intake, officer, monitor, login …). */
    public TemplateInstance page(Template template, String nav) {
        return template.instance().setLocale(language.getLocale()).data("nav", nav).data("here", here());
    }

    /** The current path and query, URL-encoded, for "come back here" links (the language switch, sign-in). */
    public String here() {
        String uri = routing.request().uri();
        return URLEncoder.encode(uri == null || uri.length() > 4000 ? "/" : uri, StandardCharsets.UTF_8);
    }
}
