package com.tracklane.web.session;

import com.tracklane.security.DevTokens;
import com.tracklane.security.Roles;
import com.tracklane.web.Pages;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Staff sign-in on the embedded default, dev and test profiles: {@code /login} lists one development user per role
 * and signs the visitor in as the one they pick, without a password. It exists exactly when development tokens do
 * ({@link DevTokens#enabled()}: every active profile is embedded, dev or test, and {@code tracklane.dev-tokens.enabled}
 * is true) and answers 404 otherwise, like {@code POST /dev/tokens}; like it, it serves only callers on the loopback
 * interface unless {@code tracklane.dev-tokens.allow-remote} is true. {@link LogoutResource} ends any session.
 */
@Path("/login")
public class LoginResource {

    /** How long a development session lasts (the development token's lifetime). */
    public static final Duration LIFESPAN = Duration.ofHours(12);

    private final boolean enabled = DevTokens.enabled();
    private final boolean allowRemote = DevTokens.allowRemote();

    @Inject
    Template login;

    @Inject
    Pages pages;

    @Inject
    FormTokens formTokens;

    /** One row of the login page. */
    public record RoleChoice(String role, String titleKey, String whatKey) {
    }

    static final List<RoleChoice> CHOICES = List.of(
            new RoleChoice(Roles.INTAKE, "roleIntake", "roleIntakeWhat"),
            new RoleChoice(Roles.OFFICER, "roleOfficer", "roleOfficerWhat"),
            new RoleChoice(Roles.MONITOR, "roleMonitor", "roleMonitorWhat"),
            new RoleChoice(Roles.RULES_ADMIN, "roleRulesAdmin", "roleRulesAdminWhat"));

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next, @QueryParam("required") boolean required) {
        if (!enabled) {
            throw new NotFoundException();
        }
        return pages.page(login, "login").data("choices", CHOICES).data("next", safeNext(next)).data("required", required);
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("role") String role, @FormParam("next") String next, @FormParam(FormTokens.FIELD) String formToken,
                           @Context HttpServerRequest request) {
        if (!enabled) {
            throw new NotFoundException();
        }
        formTokens.require(formToken);
        SocketAddress remote = request.remoteAddress();
        if (!DevTokens.callerAllowed(remote == null ? null : remote.hostAddress(), allowRemote)) {
            throw new PageForbidden();
        }
        if (!Roles.isKnown(role)) {
            return Response.status(400).entity(pages.page(login, "login").data("choices", CHOICES).data("next", safeNext(next))
                    .data("required", false)).type(MediaType.TEXT_HTML_TYPE).build();
        }
        String session = DevTokens.sign(role, role + "-dev", null, LIFESPAN);
        String target = safeNext(next);
        return Response.seeOther(URI.create(target == null ? deskOf(role) : target))
                .cookie(SessionCookie.of(session, LIFESPAN, request)).build();
    }

    /** The page a role starts at after signing in. */
    static String deskOf(String role) {
        return switch (role) {
            case Roles.INTAKE -> "/intake";
            case Roles.OFFICER -> "/officer";
            case Roles.MONITOR -> "/monitor";
            default -> "/";
        };
    }

    /** A path on this site to return to after signing in, or null: never another host (no open redirect). */
    public static String safeNext(String next) {
        if (next == null || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return next;
    }
}
