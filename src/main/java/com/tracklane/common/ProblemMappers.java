package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problem responses. Domain exceptions carry no HTTP knowledge and
 * extend the types of this package (a feature's 422 with field errors is an {@link UnprocessableException}); security
 * failures are Quarkus security's own exceptions; unexpected errors are logged (without request data) and answered
 * without a stack trace.
 *
 * <p>Security failures replace Quarkus REST's built-in mappers, which answer an empty body. With
 * {@code quarkus.http.auth.proactive=false} a bearer token is only verified when a protected endpoint is reached,
 * inside the REST layer, so every failure passes through here:
 * <ul>
 * <li>no token (or not a bearer one) on a protected endpoint → {@link UnauthorizedException} → 401;</li>
 * <li>a token that fails verification (expired, wrong signature, wrong issuer, malformed) →
 * {@link AuthenticationFailedException} → 401 with {@code error="invalid_token"} (RFC 6750 §3);</li>
 * <li>a valid token without an allowed role → {@link ForbiddenException} → 403.</li>
 * </ul>
 * The reason a token was refused is logged at DEBUG, never returned.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The challenge of a 401 without a token. */
    public static final String CHALLENGE = "Bearer";
    /** The challenge of a 401 whose token was refused (RFC 6750 §3). */
    public static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Problem problemOf(RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problem.of("invalid-request", "Invalid request", 400, invalid.getMessage()).withErrors(invalid.errors());
        }
        if (e instanceof UnprocessableException unprocessable) {
            Problem problem = Problem.of(unprocessable.type(), unprocessable.title(), 422, unprocessable.getMessage());
            return unprocessable.errors() == null ? problem : problem.withErrors(unprocessable.errors());
        }
        if (e instanceof NotFoundException) {
            return Problem.of("not-found", "Not found", 404, e.getMessage());
        }
        if (e instanceof EvaluationException failed) {
            // A published rule that type-checked but cannot be evaluated for this trip: the rule set is at fault, and
            // the check cannot be answered. Logged so that it gets fixed: the rule, version and position only (neither the
            // expression, which its author wrote, nor the values it read, which the request gave).
            LOG.warnf("Rule evaluation failed: %s", failed.located());
            return evaluationProblem(failed, null);
        }
        return Problem.of("internal-error", "Internal error", 500, "This item could not be answered; the error has been logged.");
    }

    /**
     * A rule or obligation that type-checked but cannot be evaluated for a trip. {@code under} names the versions it
     * was evaluated under (a dry run compares two), or null for a live check.
     */
    public static Problem evaluationProblem(EvaluationException e, String under) {
        String source = e.source().length() <= 200 ? e.source() : e.source().substring(0, 200) + "…";
        return Problem.of("rule-evaluation-failed", "Rule cannot be evaluated", 422,
                (under == null ? "This trip cannot be checked: " : "Under " + under + ", ")
                        + (e.where() == null ? "an expression" : e.where()) + " cannot be evaluated for this trip: ["
                        + source + "] " + e.reason() + (under == null ? ". The rule set needs a correction." : ""));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e, UriInfo uri) {
        return response(problemOf(e).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unprocessable(UnprocessableException e, UriInfo uri) {
        return response(problemOf(e).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response evaluationFailed(EvaluationException e, UriInfo uri) {
        return response(problemOf(e).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return response(problemOf(e).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri) {
        return response(Problem.of("conflict", "Conflict", 409, e.getMessage()).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response precondition(PreconditionException e, UriInfo uri) {
        Problem problem = e.missing()
                ? Problem.of("precondition-required", "Precondition Required", 428, e.getMessage())
                : Problem.of("precondition-failed", "Precondition Failed", 412, e.getMessage());
        return response(problem.withInstance(uri.getPath()));
    }

    /** The database cannot be reached: writes fail cleanly and nothing is half-written (the transaction rolls back). */
    @ServerExceptionMapper
    public Response unavailable(StorageUnavailableException e, UriInfo uri) {
        LOG.warnf("Storage unavailable on %s: %s", uri.getPath(), e.getCause() == null ? e.getMessage() : e.getCause().getClass().getName());
        return Response.fromResponse(response(Problem.of("storage-unavailable", "Service Unavailable", 503,
                "The database is not reachable; the request was not applied. Retry later.").withInstance(uri.getPath())))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return response(Problem.of("payload-too-large", "Payload Too Large", 413, e.getMessage()).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = "(body)";
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPathReference();
        }
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return response(Problem.of("malformed-json", "Malformed JSON", 400, "The body is not valid JSON" + where + ".")
                .withErrors(java.util.List.of(new FieldError(field, conciseMessage(e))))
                .withInstance(uri.getPath()));
    }

    /** Jackson's message without its source-location appendix, Java type names or constraint method names. */
    private static String conciseMessage(JsonProcessingException e) {
        return Messages.sanitize(e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorizedResponse(CHALLENGE, "A bearer token is required: send 'Authorization: Bearer <token>'.", uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Bearer token refused on %s: %s", uri.getPath(), rootMessage(e));
        }
        return unauthorizedResponse(INVALID_TOKEN_CHALLENGE,
                "The bearer token is not valid: it is malformed, expired, wrongly signed or from another issuer.", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return response(Problem.of("forbidden", "Forbidden", 403, "The token's roles do not allow this request.").withInstance(uri.getPath()));
    }

    private static Response unauthorizedResponse(String challenge, String detail, UriInfo uri) {
        return Response.fromResponse(response(Problem.of("unauthorized", "Unauthorized", 401, detail).withInstance(uri.getPath())))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath() + ".";
            case 405 -> "Method not allowed on " + uri.getPath() + ".";
            case 413 -> "The body is larger than the limit of 256 KiB.";
            case 415 -> "Unsupported media type: send application/json (application/merge-patch+json to PATCH an application).";
            case 406 -> "Not acceptable: this resource answers application/json.";
            case 414 -> "The request URI is longer than the limit of 8 KiB.";
            default -> Messages.sanitize(e.getMessage());
        };
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        String slug = status == 404 ? "not-found" : "http-" + status;
        return response(Problem.of(slug, title, status, detail).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e instanceof java.io.IOException && String.valueOf(e.getMessage()).contains("too large")) {
            // A chunked body beyond the HTTP layer's backstop: Vert.x has already answered 413.
            return response(Problem.of("payload-too-large", "Payload Too Large", 413, "The body is larger than the limit of 256 KiB."));
        }
        if (StorageUnavailableException.isConnectionFailure(e)) {
            return unavailable(new StorageUnavailableException(e), uri);
        }
        java.sql.SQLException sql = SqlLogFilter.sqlCause(e);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            // A data exception (value too long, not storable text, numeric overflow): the input is at fault. Validation
            // should have caught it first; this is the backstop, logged without the values (see SqlLogFilter).
            LOG.warnf("Input the database refused on %s: %s", uri.getPath(), SqlLogFilter.redact("", e, sql));
            return response(Problem.of("invalid-request", "Invalid request", 400,
                    "A value cannot be stored: it is too long or not valid text.").withInstance(uri.getPath()));
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return response(Problem.of("internal-error", "Internal error", 500,
                "The service could not answer this request; the error has been logged.").withInstance(uri.getPath()));
    }
}
