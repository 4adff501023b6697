package com.tracklane.intake.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.common.ETags;
import com.tracklane.common.FieldError;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonBodies;
import com.tracklane.common.Page;
import com.tracklane.common.Paging;
import com.tracklane.common.PublicUrls;
import com.tracklane.common.RequestSchema;
import com.tracklane.common.Times;
import com.tracklane.common.UniqueViolation;
import com.tracklane.intake.model.ApplicationStatus;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.service.ApplicationAccess;
import com.tracklane.intake.service.Caller;
import com.tracklane.intake.service.CorrectionService;
import com.tracklane.intake.service.ErasureService;
import com.tracklane.intake.service.HistoryService;
import com.tracklane.intake.service.PersonalDataReads;
import com.tracklane.intake.service.ReviewService;
import com.tracklane.intake.service.SubmissionService;
import com.tracklane.security.Roles;
import com.tracklane.track.model.Track;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Applications from embassy intake forms, and their review by officers. */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private static final String INTAKE = Roles.INTAKE;
    private static final String OFFICER = Roles.OFFICER;
    public static final String MERGE_PATCH = "application/merge-patch+json";
    /** Whose ETag If-Match names, in problems. */
    private static final String ETAG_OF = "application";
    private static final RequestSchema<ReviewDecision> REVIEW_DECISION = RequestSchema.of("ReviewDecision", ReviewDecision.class);
    private static final RequestSchema<Withdrawal> WITHDRAWAL = RequestSchema.of("Withdrawal", Withdrawal.class);
    private static final RequestSchema<Erasure> ERASURE = RequestSchema.of("Erasure", Erasure.class);

    private final ApplicationAccess access;
    private final SubmissionService submissions;
    private final CorrectionService corrections;
    private final ReviewService reviews;
    private final HistoryService histories;
    private final ErasureService erasures;
    private final PersonalDataReads reads;
    private final PublicUrls links;
    private final ObjectMapper mapper;
    private final SecurityIdentity identity;

    public ApplicationResource(ApplicationAccess access, SubmissionService submissions, CorrectionService corrections,
                               ReviewService reviews, HistoryService histories, ErasureService erasures,
                               PersonalDataReads reads, PublicUrls links, ObjectMapper mapper, SecurityIdentity identity) {
        this.access = access;
        this.submissions = submissions;
        this.corrections = corrections;
        this.reviews = reviews;
        this.histories = histories;
        this.erasures = erasures;
        this.reads = reads;
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
        SubmissionService.Submitted submitted;
        try {
            submitted = submissions.submit(json, caller, idempotencyKey);
        } catch (RuntimeException e) {
            // Two submissions with one key at once: the second insert fails on the unique key; answer the first.
            SubmissionService.Submitted first = idempotencyKey != null && UniqueViolation.in(e)
                    ? submissions.resubmitted(json, caller, idempotencyKey) : null;
            if (first == null) {
                throw e;
            }
            submitted = first;
        }
        TravelApplication a = submitted.application();
        recordRead(List.of(a), "SUBMIT");
        return Response.status(submitted.created() ? Response.Status.CREATED : Response.Status.OK)
                .header(HttpHeaders.LOCATION, links.to("/api/v1/applications/" + a.id))
                .tag(ETags.of(a.version)).entity(view(a, submitted.snapshot())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({INTAKE, OFFICER})
    public Response get(@PathParam("id") String id) {
        TravelApplication a = access.find(id, caller());
        recordRead(List.of(a), "GET");
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    @GET
    @RolesAllowed({INTAKE, OFFICER})
    public Page<ApplicationViews.Application> list(
            @QueryParam("status") String status, @QueryParam("track") String track, @QueryParam("route") String route,
            @QueryParam("submittedFrom") String submittedFrom, @QueryParam("submittedTo") String submittedTo,
            @QueryParam("page") String page, @QueryParam("size") String size, UriInfo uri) {
        ApplicationStatus st = status == null ? null : enumOf(ApplicationStatus.class, "status", status);
        String tr = track == null ? null : enumOf(Track.class, "track", track).name();
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
        ApplicationAccess.Filter filter = new ApplicationAccess.Filter(st, tr, origin, destination,
                instant("submittedFrom", submittedFrom), instant("submittedTo", submittedTo));
        ApplicationAccess.Found found = access.list(filter, caller(), paging.page(), paging.size());
        recordRead(found.items(), "LIST");
        return new Page<>(found.items().stream().map(this::view).toList(), paging.page(), paging.size(), found.total());
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OFFICER)
    public Response decide(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        ReviewDecision decision = bind(REVIEW_DECISION, JsonBodies.parse(mapper, body));
        ReviewService.checkReason(decision.reason());
        long version = ETags.required(ifMatch, ETAG_OF);
        TravelApplication a = reviews.decide(id, decision.action(), decision.reason(), decision.overriding(), version, caller());
        recordRead(List.of(a), "DECIDE");
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    /** The body is optional: no body is a withdrawal without a reason. */
    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(INTAKE)
    public Response withdraw(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        Withdrawal withdrawal = json == null ? Withdrawal.NONE : bind(WITHDRAWAL, json);
        ReviewService.checkReason(withdrawal.reason());
        long version = ETags.required(ifMatch, ETAG_OF);
        TravelApplication a = reviews.withdraw(id, withdrawal.reason(), version, caller());
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    /** A JSON merge patch (RFC 7396) only: its media type says how the body applies; application/json is 415. */
    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @RolesAllowed({INTAKE, OFFICER})
    public Response patch(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        long version = ETags.required(ifMatch, ETAG_OF);
        TravelApplication a = corrections.patch(id, json, version, caller());
        recordRead(List.of(a), "PATCH");
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    @POST
    @Path("/{id}/re-evaluation")
    @RolesAllowed({INTAKE, OFFICER})
    public Response reEvaluate(@PathParam("id") String id) {
        TravelApplication a = corrections.reEvaluate(id, caller());
        recordRead(List.of(a), "RE_EVALUATE");
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({INTAKE, OFFICER})
    public List<ApplicationViews.Event> history(@PathParam("id") String id) {
        return histories.history(id, caller()).stream().map(ApplicationViews::event).toList();
    }

    /**
     * An officer erases the applicant's identity on the data subject's request (one call, with a reason). If-Match is
     * optional: when sent, it must be the current ETag. Erasing twice is 409.
     */
    @POST
    @Path("/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(OFFICER)
    public Response erase(@PathParam("id") String id, byte[] body, @HeaderParam("If-Match") String ifMatch) throws JsonProcessingException {
        JsonNode json = JsonBodies.parse(mapper, body);
        if (json == null) {
            throw InvalidInputException.of("reason", "a reason is required to erase personal data");
        }
        Erasure erasure = bind(ERASURE, json);
        Long version = ETags.optional(ifMatch, ETAG_OF);
        TravelApplication a = erasures.erase(id, erasure.reason(), version, caller());
        return Response.ok(view(a)).tag(ETags.of(a.version)).build();
    }

    /** Every read of the application's unmasked personal data by an officer, oldest first (officers only). */
    @GET
    @Path("/{id}/personal-data-reads")
    @RolesAllowed(OFFICER)
    public List<ApplicationViews.PersonalDataRead> personalDataReads(@PathParam("id") String id) {
        return reads.of(id, caller()).stream().map(ApplicationViews::read).toList();
    }

    @GET
    @Path("/{id}/decisions")
    @RolesAllowed({INTAKE, OFFICER})
    public List<ApplicationViews.SnapshotSummary> decisions(@PathParam("id") String id) {
        return histories.snapshots(id, caller()).stream().map(ApplicationViews::summary).toList();
    }

    @GET
    @Path("/{id}/decisions/{snapshotId}")
    @RolesAllowed({INTAKE, OFFICER})
    public ApplicationViews.Snapshot decision(@PathParam("id") String id, @PathParam("snapshotId") String snapshotId) {
        return ApplicationViews.snapshot(histories.snapshot(id, snapshotId, caller()));
    }

    @GET
    @Path("/{id}/decisions/{snapshotId}/replay")
    @RolesAllowed({INTAKE, OFFICER})
    public ApplicationViews.Replay replay(@PathParam("id") String id, @PathParam("snapshotId") String snapshotId) {
        HistoryService.Replayed r = histories.replay(id, snapshotId, caller());
        DecisionSnapshot s = r.snapshot();
        return new ApplicationViews.Replay(s.id, r.replayed() != null && r.differences().isEmpty(), ApplicationViews.ruleSet(s),
                s.outcome, r.replayedOutcome(), r.differences(), r.replayed(), r.note());
    }

    // ---------------------------------------------------------------------------------------------------------

    private ApplicationViews.Application view(TravelApplication a) {
        return view(a, null);
    }

    /** {@code known}: the current snapshot when the caller already holds it (a submission), else it is read. */
    private ApplicationViews.Application view(TravelApplication a, DecisionSnapshot known) {
        boolean officer = identity.hasRole(OFFICER);
        DecisionSnapshot current = histories.current(a, known);
        return new ApplicationViews.Application(a.id, a.reference, a.status, a.track,
                new ApplicationViews.Route(a.origin, a.destination), a.ruleSetId, ApplicationViews.applicant(a, officer),
                !officer, a.request, ApplicationViews.summary(current), a.submittedBy, a.org, a.submittedAt, a.updatedAt, a.version,
                a.personalDataErasedAt);
    }

    /** An officer is about to be shown these applications' personal data unmasked: that is recorded first. */
    private void recordRead(List<TravelApplication> shown, String via) {
        if (!identity.hasRole(OFFICER)) {
            return;
        }
        List<String> ids = shown.stream().filter(a -> !a.personalDataErased()).map(a -> a.id).toList();
        if (!ids.isEmpty()) {
            reads.record(ids, identity.getPrincipal().getName(), via);
        }
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

    /** A body checked against its schema in the contract and bound to its record; any problem is a 400. */
    private <T> T bind(RequestSchema<T> schema, JsonNode json) {
        RequestSchema.Checked<T> checked = schema.check(mapper, json);
        List<FieldError> errors = checked.errors();
        if (errors.size() == 1) {
            throw InvalidInputException.of(errors.get(0).field(), errors.get(0).message());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The request has " + errors.size() + " invalid field(s).", errors);
        }
        return checked.value();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(String field, String text) {
        return text == null ? null : Times.parseWithOffset(text).orElseThrow(() -> InvalidInputException.of(field,
                "expected an instant with an offset or Z, such as 2020-09-10T00:00:00Z"));
    }
}
