package com.tracklane.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Paging;
import com.tracklane.common.PreconditionException;
import com.tracklane.common.PublicUrls;
import com.tracklane.common.Times;
import com.tracklane.common.UniqueViolation;
import com.tracklane.security.Roles;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Applications from embassy intake forms, and their review by officers. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private static final String INTAKE = Roles.INTAKE;
    private static final String OFFICER = Roles.OFFICER;
    public static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Set<String> DECISION_FIELDS = Set.of("action", "reason", "override");

    private final ApplicationService service;
    private final PublicUrls links;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public ApplicationResource(ApplicationService service, PublicUrls links, ObjectMapper mapper, SecurityIdentity identity) {
        this.service = service;
        this.links = links;
        this.mapper = mapper;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({INTAKE, OFFICER})
    public Response submit(byte[] body, @HeaderParam("Idempotency-Key") String idempotencyKey) throws JsonProcessingException {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw InvalidInputException.of("Idempotency-Key", "must be 1 to 200 characters");
        }
        JsonNode json = JsonBodies.parse(mapper, body);
        Caller caller = caller();
        ApplicationService.Submitted submitted;
        try {
            submitted = service.submit(json, caller, idempotencyKey);
        } catch (RuntimeException e) {
            // Two submissions with one key at once: the second insert fails on the unique key; answer the first.
            ApplicationService.Submitted first = idempotencyKey != null && UniqueViolation.in(e)
                    ? service.resubmitted(json, caller, idempotencyKey) : null;
            if (first == null) {
                throw e;
            }
            submitted = first;
        }
        TravelApplication a = submitted.application();
        return Response.status(submitted.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(HttpHeaders.LOCATION, links.to("/api/v1/applications/" + a.id))
                .tag(etag(a)).entity(view(a, submitted.snapshot())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({INTAKE, OFFICER})
    public Response get(@PathParam("id") String id) {
        TravelApplication a = service.find(id, caller());
        return Response.ok(view(a)).tag(etag(a)).build();
    }

    @GET
    @RolesAllowed({INTAKE, OFFICER})
    public ApplicationViews.Page<ApplicationViews.Application> list(
            @QueryParam("status") String status, @QueryParam("track") String track, @QueryParam("route") String route,
            @QueryParam("submittedFrom") String submittedFrom, @QueryParam("submittedTo") String submittedTo,
            @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        ApplicationStatus st = status == null ? null : enumOf(ApplicationStatus.class, "status", status);
        String tr = track == null ? null : enumOf(com.tracklane.track.model.Track.class, "track", track).name();
        String origin = null;
        String destination = null;
        if (route != null) {
            if (!route.matches("^[A-Z]{2}-[A-Z]{2}$")) {
                throw InvalidInputException.of("route", "expected ORIGIN-DESTINATION, e.g. KH-JP");
            }
            origin = route.substring(0, 2);
            destination = route.substring(3);
        }
        Paging paging = Paging.of(page, size, uri);
        ApplicationService.Filter filter = new ApplicationService.Filter(st, tr, origin, destination,
                instant("submittedFrom", submittedFrom), instant("submittedTo", submittedTo));
        ApplicationService.Found found = service.list(filter, caller(), paging.page(), paging.size());
        return new ApplicationViews.Page<>(found.items().stream().map(this::view).toList(), paging.page(), paging.size(), found.total());
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OFFICER)
    public Response decide(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        if (json == null || !json.isObject()) {
            throw InvalidInputException.of("(body)", "expected {\"action\": \"APPROVE\" | \"REJECT\" | \"REQUEST_INFO\" | \"START_REVIEW\", \"reason\": …}");
        }
        json.fieldNames().forEachRemaining(f -> {
            if (!DECISION_FIELDS.contains(f)) {
                throw InvalidInputException.of(f, "is not a known field");
            }
        });
        JsonNode action = json.get("action");
        if (action == null || !action.isTextual()) {
            throw InvalidInputException.of("action", "is required: APPROVE, REJECT, REQUEST_INFO or START_REVIEW");
        }
        ReviewAction reviewAction = enumOf(ReviewAction.class, "action", action.asText());
        if (reviewAction == ReviewAction.WITHDRAW) {
            throw InvalidInputException.of("action", "WITHDRAW is the applicant side's: POST /api/v1/applications/{id}/withdrawal");
        }
        JsonNode reason = json.get("reason");
        JsonNode override = json.get("override");
        if (reason != null && !reason.isTextual() && !reason.isNull()) {
            throw InvalidInputException.of("reason", "must be a string");
        }
        checkReason(reason == null || reason.isNull() ? null : reason.asText());
        if (override != null && !override.isBoolean()) {
            throw InvalidInputException.of("override", "must be true or false");
        }
        Long version = ifMatch(ifMatch);
        TravelApplication a = service.decide(id, reviewAction, reason == null || reason.isNull() ? null : reason.asText(),
                override != null && override.asBoolean(), version, caller());
        return Response.ok(view(a)).tag(etag(a)).build();
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(INTAKE)
    public Response withdraw(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        if (json != null && !json.isObject()) {
            throw InvalidInputException.of("(body)", "expected {\"reason\": …} or no body");
        }
        JsonNode reasonNode = json == null ? null : json.get("reason");
        if (reasonNode != null && !reasonNode.isTextual() && !reasonNode.isNull()) {
            throw InvalidInputException.of("reason", "must be a string");
        }
        String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.asText();
        checkReason(reason);
        Long version = ifMatch(ifMatch);
        TravelApplication a = service.decide(id, ReviewAction.WITHDRAW, reason, false, version, caller());
        return Response.ok(view(a)).tag(etag(a)).build();
    }

    /** A JSON merge patch (RFC 7396) only: its media type says how the body applies; application/json is 415. */
    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({INTAKE, OFFICER})
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        Long version = ifMatch(ifMatch);
        TravelApplication a = service.patch(id, json, version, caller());
        return Response.ok(view(a)).tag(etag(a)).build();
    }

    @POST
    @Path("/{id}/re-evaluation")
    @RolesAllowed({INTAKE, OFFICER})
    public Response reEvaluate(@PathParam("id") String id) {
        TravelApplication a = service.reEvaluate(id, caller());
        return Response.ok(view(a)).tag(etag(a)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({INTAKE, OFFICER})
    public List<ApplicationViews.Event> history(@PathParam("id") String id) {
        return service.history(id, caller()).stream().map(ApplicationViews::event).toList();
    }

    @GET
    @Path("/{id}/decisions")
    @RolesAllowed({INTAKE, OFFICER})
    public List<ApplicationViews.SnapshotSummary> decisions(@PathParam("id") String id) {
        return service.snapshots(id, caller()).stream().map(ApplicationViews::summary).toList();
    }

    @GET
    @Path("/{id}/decisions/{snapshotId}")
    @RolesAllowed({INTAKE, OFFICER})
    public ApplicationViews.Snapshot decision(@PathParam("id") String id, @PathParam("snapshotId") String snapshotId) {
        DecisionSnapshot s = service.snapshot(id, snapshotId, caller());
        try {
            return new ApplicationViews.Snapshot(s.id, s.outcome, new ApplicationViews.RuleSetRef(s.ruleSetId, s.ruleSetVersion, s.contentHash),
                    s.knownAt, s.createdAt, mapper.readTree(s.requestJson), mapper.readTree(s.decisionJson));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("/{id}/decisions/{snapshotId}/replay")
    @RolesAllowed({INTAKE, OFFICER})
    public ApplicationViews.Replay replay(@PathParam("id") String id, @PathParam("snapshotId") String snapshotId) {
        return service.replay(id, snapshotId, caller());
    }

    // ---------------------------------------------------------------------------------------------------------

    private ApplicationViews.Application view(TravelApplication a) {
        return view(a, null);
    }

    /** {@code known}: the current snapshot when the caller already holds it (a submission), else it is read. */
    private ApplicationViews.Application view(TravelApplication a, DecisionSnapshot known) {
        boolean officer = identity.hasRole(OFFICER);
        DecisionSnapshot current = known != null && known.id.equals(a.currentSnapshotId) ? known
                : a.currentSnapshotId == null ? null : DecisionSnapshot.findById(a.currentSnapshotId);
        JsonNode request;
        try {
            request = mapper.readTree(a.requestJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ApplicationViews.Application(a.id, a.reference, a.status, a.track,
                new ApplicationViews.Route(a.origin, a.destination), a.ruleSetId, ApplicationViews.applicant(a, officer),
                !officer, request, ApplicationViews.summary(current), a.submittedBy, a.org, a.submittedAt, a.updatedAt, a.version);
    }

    /** The token's subject, its organisation ({@code org} claim, else the subject), and whether it is an officer's. */
    private Caller caller() {
        String subject = identity.getPrincipal().getName();
        String org = subject;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.containsClaim(Roles.ORG_CLAIM)) {
            Object claim = jwt.getClaim(Roles.ORG_CLAIM);
            String text = claim instanceof JsonString js ? js.getString() : claim instanceof String str ? str : null;
            if (text == null || text.isBlank() || text.length() > 200 || InputChecks.singleLineTextProblem(text) != null) {
                throw new AuthenticationFailedException("the org claim is not a short single-line string");
            }
            org = text;
        }
        return new Caller(subject, org, identity.hasRole(OFFICER));
    }

    private static EntityTag etag(TravelApplication a) {
        return new EntityTag(Long.toString(a.version));
    }

    /** If-Match: {@code "3"} (or W/"3"); missing → 428; unparseable → 412 (it cannot match). */
    private static Long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw PreconditionException.required("This change needs an If-Match header with the application's ETag (from GET).");
        }
        String tag = header.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw PreconditionException.failed("If-Match " + header + " does not match the application's ETag.");
        }
    }

    /** A reason is stored in the history: at most 2000 characters, no NUL, valid Unicode. */
    private static void checkReason(String reason) {
        if (reason == null) {
            return;
        }
        if (reason.length() > 2000) {
            throw InvalidInputException.of("reason", "must be at most 2000 characters");
        }
        String problem = InputChecks.freeTextProblem(reason);
        if (problem != null) {
            throw InvalidInputException.of("reason", problem);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(String field, String text) {
        return text == null ? null : Times.parseWithOffset(text).orElseThrow(() -> InvalidInputException.of(field,
                "expected an instant with an offset or Z, such as 2020-09-10T00:00:00Z"));
    }
}
