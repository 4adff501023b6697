package com.tracklane.security;

import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.Problem;
import com.tracklane.common.ProblemMappers;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Development tokens for the embedded default: {@code POST /dev/tokens?role=officer[&subject=alice][&org=desk-1]} answers a
 * signed JWT (text/plain) for one role, valid for 12 hours, signed with the repository's development key
 * ({@code smallrye.jwt.sign.key.location}), issued by the configured {@code mp.jwt.verify.issuer} for the first
 * configured audience ({@code mp.jwt.verify.audiences}).
 *
 * <p>Switched off (404, exactly like an unknown path) unless {@code tracklane.dev-tokens.enabled} is true and every
 * active profile is embedded, dev or test ({@link DevTokens#enabled}); {@link DevTokenGate} answers the 404 for
 * every method before matching. A caller that is not on the loopback interface gets a 403 problem unless
 * {@code tracklane.dev-tokens.allow-remote} is true.
 */
@Path(DevTokens.PATH)
public class DevTokenResource {

    public static final Duration LIFESPAN = Duration.ofHours(12);
    public static final int MAX_SUBJECT_LENGTH = 100;

    private final boolean enabled = DevTokens.enabled();
    private final boolean allowRemote = DevTokens.allowRemote();

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public Response issue(@QueryParam("role") String role, @QueryParam("subject") String subject, @QueryParam("org") String org,
                          @Context HttpServerRequest request) {
        if (!enabled) {
            throw new NotFoundException(); // the gate answers first; this is the second line
        }
        SocketAddress remote = request.remoteAddress();
        if (!DevTokens.callerAllowed(remote == null ? null : remote.hostAddress(), allowRemote)) {
            return ProblemMappers.response(Problem.of("forbidden", "Forbidden", 403,
                    "Development tokens are only issued to callers on this machine (loopback); set "
                            + DevTokens.ALLOW_REMOTE_PROPERTY + "=true to allow others.").withInstance(DevTokens.PATH));
        }
        if (!Roles.isKnown(role)) {
            throw InvalidInputException.of("role", (role == null || role.isBlank() ? "required" : "unknown role '" + role + "'")
                    + "; one of " + String.join(", ", Roles.ALL));
        }
        String name = subject == null || subject.isBlank() ? role + "-dev" : subject.strip();
        if (name.length() > MAX_SUBJECT_LENGTH) {
            throw InvalidInputException.of("subject", "at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (org != null && (org.isBlank() || org.strip().length() > MAX_SUBJECT_LENGTH || InputChecks.singleLineTextProblem(org) != null)) {
            throw InvalidInputException.of("org", "1 to " + MAX_SUBJECT_LENGTH + " characters on one line");
        }
        String token = DevTokens.sign(role, name, org == null ? null : org.strip(), LIFESPAN);
        return Response.ok(token, MediaType.TEXT_PLAIN_TYPE).header("Cache-Control", "no-store").build();
    }
}
