package com.tracklane.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.FieldError;
import com.tracklane.common.InputChecks;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.JsonSchemaCheck;
import com.tracklane.common.MergePatch;
import com.tracklane.common.NotFoundException;
import com.tracklane.common.PreconditionException;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.DecisionOutcome;
import com.tracklane.eligibility.service.EligibilityRequest;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.repository.ApplicationReferenceSequence;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applications: submit (evaluated and snapshotted), review, patch, re-evaluate, replay. Every change is one
 * transaction that also appends to the history, so history and state never disagree.
 */
@ApplicationScoped
public class ApplicationService {

    private static final JsonSchemaCheck SUBMISSION_SCHEMA =
            JsonSchemaCheck.of(EligibilityService.OPENAPI_RESOURCE, "/components/schemas/ApplicationSubmission");
    /** What a merge patch may contain (the contract's request body of PATCH); the merged result must be a submission. */
    private static final JsonSchemaCheck MERGE_PATCH_SCHEMA =
            JsonSchemaCheck.of(EligibilityService.OPENAPI_RESOURCE, "/components/schemas/ApplicationMergePatch");

    private final EligibilityService eligibility;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;
    private final Clock clock;

    private final com.tracklane.track.service.RuleSetCatalog catalog;
    private final com.tracklane.track.service.RuleSetSync sync;

    public ApplicationService(EligibilityService eligibility, ObjectMapper mapper, Clock clock,
                              com.tracklane.track.service.RuleSetCatalog catalog, com.tracklane.track.service.RuleSetSync sync) {
        this.catalog = catalog;
        this.sync = sync;
        this.eligibility = eligibility;
        this.mapper = mapper;
        this.canonical = mapper.copy().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        this.clock = clock;
    }

    /** @param snapshot the current snapshot when it was just written (saves reading it back), else null */
    public record Submitted(TravelApplication application, boolean created, DecisionSnapshot snapshot) {
    }

    /**
     * Evaluates the trip with what the service knows now (a {@code knownAt} in the request is refused: the applicant
     * side does not choose the rules) and stores the application with its first decision snapshot, owned by the
     * caller's organisation. A retried submission with the same {@code Idempotency-Key} answers the stored
     * application; when two arrive at once, the loser's insert fails on the unique key and
     * {@link #resubmitted} answers it.
     */
    @Transactional
    public Submitted submit(JsonNode body, Caller caller, String idempotencyKey) {
        String subject = caller.subject();
        String hash = hash(body);
        if (idempotencyKey != null) {
            Submitted earlier = earlier(subject, idempotencyKey, hash);
            if (earlier != null) {
                return earlier;
            }
        }
        validate(body);
        JsonNode request = body.get("request");
        Evaluated evaluated = evaluate(request, now());
        Decision decision = evaluated.decision();

        Instant now = now();
        TravelApplication a = new TravelApplication();
        a.id = UUID.randomUUID().toString();
        a.reference = reference(decision);
        a.status = ApplicationStatus.SUBMITTED;
        a.track = decision.track().name();
        a.origin = decision.route().origin();
        a.destination = decision.route().destination();
        a.ruleSetId = decision.ruleSet().id();
        setApplicant(a, body.get("applicant"));
        a.requestJson = write(request);
        a.submittedBy = subject;
        a.submittedAt = now;
        a.updatedAt = now;
        a.idempotencyKey = idempotencyKey;
        a.requestHash = hash;
        a.org = caller.org();
        a.persist();
        if (idempotencyKey != null) {
            TravelApplication.getEntityManager().flush(); // a concurrent twin fails here, inside this method
        }
        DecisionSnapshot snapshot = snapshot(a, request, evaluated, now);
        a.currentSnapshotId = snapshot.id;
        a.currentOutcome = snapshot.outcome;
        event(a, subject, "SUBMITTED", null, ApplicationStatus.SUBMITTED, null, snapshot.id, false, now);
        return new Submitted(a, true, snapshot);
    }

    /**
     * The answer to a submission whose insert lost the race against a concurrent one with the same
     * {@code Idempotency-Key}: the winner's application (or a 409 when the bodies differ); null when there is none.
     */
    @Transactional
    public Submitted resubmitted(JsonNode body, Caller caller, String idempotencyKey) {
        return earlier(caller.subject(), idempotencyKey, hash(body));
    }

    private Submitted earlier(String subject, String idempotencyKey, String hash) {
        TravelApplication existing = TravelApplication.find("submittedBy = ?1 and idempotencyKey = ?2", subject, idempotencyKey).firstResult();
        if (existing == null) {
            return null;
        }
        if (!existing.requestHash.equals(hash)) {
            throw new ConflictException("Idempotency-Key '" + idempotencyKey + "' was already used for a different submission.");
        }
        return new Submitted(existing, false, null);
    }

    /** The application, if the caller may see it; another organisation's is answered exactly like a missing one. */
    public TravelApplication find(String id, Caller caller) {
        TravelApplication a = TravelApplication.findById(id);
        if (a == null || !caller.mayAccess(a.org)) {
            throw new NotFoundException("No application with id '" + id + "'.");
        }
        return a;
    }

    public record Filter(ApplicationStatus status, String track, String origin, String destination, Instant submittedFrom,
                         Instant submittedTo) {
    }

    /** One page of applications, newest first, and how many match in all. */
    public record Found(List<TravelApplication> items, long total) {
    }

    public Found list(Filter f, Caller caller, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        where(query, params, "org = :org", "org", caller.seesAll() ? null : caller.org());
        where(query, params, "status = :status", "status", f.status());
        where(query, params, "track = :track", "track", f.track());
        where(query, params, "origin = :origin", "origin", f.origin());
        where(query, params, "destination = :destination", "destination", f.destination());
        where(query, params, "submittedAt >= :from", "from", f.submittedFrom());
        where(query, params, "submittedAt < :to", "to", f.submittedTo());
        var found = TravelApplication.<TravelApplication>find(query.toString(), Sort.descending("submittedAt").and("id"), params);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }

    private static void where(StringBuilder query, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(clause);
            params.put(name, value);
        }
    }

    @Transactional
    public TravelApplication decide(String id, ReviewAction action, String reason, boolean override, Long expectedVersion, Caller caller) {
        String subject = caller.subject();
        TravelApplication a = locked(id, expectedVersion, caller);
        if (!action.allowedFrom(a.status)) {
            throw new ConflictException("Cannot " + action + " an application that is " + a.status + "; allowed from "
                    + action.allowedFrom() + ".");
        }
        if ((action == ReviewAction.REJECT || action == ReviewAction.REQUEST_INFO) && blank(reason)) {
            throw InvalidInputException.of("reason", "a reason is required to " + action);
        }
        boolean overriding = false;
        if (action == ReviewAction.APPROVE && DecisionOutcome.NOT_ELIGIBLE.name().equals(a.currentOutcome)) {
            if (!override || blank(reason)) {
                throw new ConflictException("The current evaluation is NOT_ELIGIBLE: approving needs \"override\": true and a reason.");
            }
            overriding = true;
        }
        return transition(a, action.target(), action.name(), reason, a.currentSnapshotId, overriding, subject);
    }

    /**
     * A JSON merge patch of the applicant and the trip, while the application may be corrected. The patched trip is
     * evaluated again at once (a new snapshot becomes the current decision, which is what an approval judges); track,
     * rule set and reference follow the new decision. A change of route (origin or destination country) is a
     * different application and is refused. The history records the names of the changed fields, never values.
     */
    @Transactional
    public TravelApplication patch(String id, JsonNode patch, Long expectedVersion, Caller caller) {
        TravelApplication a = locked(id, expectedVersion, caller);
        if (!a.status.editable()) {
            throw new ConflictException("An application can be changed only while SUBMITTED or INFO_REQUESTED; it is " + a.status + ".");
        }
        if (patch == null || !patch.isObject()) {
            throw InvalidInputException.of("(body)", "a JSON merge patch object is required");
        }
        List<FieldError> patchErrors = new ArrayList<>(InputChecks.numbersOutOfRange(patch, ""));
        if (patchErrors.isEmpty()) {
            patchErrors.addAll(MERGE_PATCH_SCHEMA.validate(patch));
        }
        if (!patchErrors.isEmpty()) {
            throw new InvalidInputException("The merge patch is not valid.", patchErrors);
        }
        ObjectNode current = mapper.createObjectNode();
        current.set("applicant", mapper.valueToTree(ApplicationViews.applicant(a, true)));
        ObjectNode storedRequest = (ObjectNode) read(a.requestJson);
        storedRequest.remove("knownAt"); // a request stored before submissions refused knownAt: evaluated now, like any other
        current.set("request", storedRequest);
        JsonNode merged = MergePatch.apply(current, patch);
        validate(merged);
        List<String> changed = new ArrayList<>();
        diff("", current, merged, changed);
        if (changed.isEmpty()) {
            return a; // nothing to change: no new version, no history entry
        }
        JsonNode request = merged.get("request");
        Instant now = now();
        Evaluated evaluated = evaluate(request, now);
        Decision decision = evaluated.decision();
        if (!decision.route().origin().equals(a.origin) || !decision.route().destination().equals(a.destination)) {
            throw new ConflictException("The patched trip goes " + decision.route().origin() + " → " + decision.route().destination()
                    + ", but this application is for " + a.origin + " → " + a.destination
                    + ": a different route is a new application (withdraw this one and submit a new one).");
        }
        setApplicant(a, merged.get("applicant"));
        a.requestJson = write(request);
        a.track = decision.track().name();
        a.ruleSetId = decision.ruleSet().id();
        a.reference = renumbered(a.reference, decision);
        DecisionSnapshot snapshot = snapshot(a, request, evaluated, now);
        a.currentSnapshotId = snapshot.id;
        a.currentOutcome = snapshot.outcome;
        return transition(a, a.status, "DOCUMENTS_UPDATED", null, snapshot.id, false, caller.subject(), fieldNames(changed));
    }

    @Transactional
    public TravelApplication reEvaluate(String id, Caller caller) {
        String subject = caller.subject();
        TravelApplication a = find(id, caller);
        if (a.status.isFinal()) {
            throw new ConflictException("A " + a.status + " application is not evaluated again.");
        }
        JsonNode request = read(a.requestJson);
        Instant now = now();
        Evaluated evaluated = evaluate(request, now);
        DecisionSnapshot snapshot = snapshot(a, request, evaluated, now);
        a.currentSnapshotId = snapshot.id;
        a.currentOutcome = snapshot.outcome;
        return transition(a, a.status, "RE_EVALUATED", null, snapshot.id, false, subject);
    }

    public List<ApplicationEvent> history(String id, Caller caller) {
        find(id, caller);
        return ApplicationEvent.ofApplication(id);
    }

    public List<DecisionSnapshot> snapshots(String id, Caller caller) {
        find(id, caller);
        return DecisionSnapshot.ofApplication(id);
    }

    public DecisionSnapshot snapshot(String id, String snapshotId, Caller caller) {
        find(id, caller);
        DecisionSnapshot s = DecisionSnapshot.findById(snapshotId);
        if (s == null || !s.applicationId.equals(id)) {
            throw new NotFoundException("Application '" + id + "' has no decision snapshot '" + snapshotId + "'.");
        }
        return s;
    }

    /** Re-runs a snapshot's request with its knownAt: the same versions decide, so the decision must be identical. */
    public ApplicationViews.Replay replay(String id, String snapshotId, Caller caller) {
        DecisionSnapshot s = snapshot(id, snapshotId, caller);
        JsonNode stored = read(s.decisionJson);
        Evaluated again = evaluate(read(s.requestJson), s.knownAt, asDecided(stored));
        JsonNode replayed = mapper.valueToTree(again.decision());
        List<String> differences = new ArrayList<>();
        diff("", stored, replayed, differences);
        return new ApplicationViews.Replay(s.id, differences.isEmpty(),
                new ApplicationViews.RuleSetRef(s.ruleSetId, s.ruleSetVersion, s.contentHash), s.outcome,
                again.decision().outcome().name(), differences, replayed);
    }

    // --- internals -------------------------------------------------------------------------------------------

    private record Evaluated(Decision decision, Instant knownAt) {
    }

    /**
     * The rule sets in memory, with each rule set the stored decision names (its own and its alternatives') replaced
     * by the edition that held the named version when a later edition has superseded it (see
     * {@code V6__superseded_rule_versions.sql}).
     */
    private com.tracklane.track.service.RuleSetCatalog.Snapshot asDecided(JsonNode stored) {
        com.tracklane.track.service.RuleSetCatalog.Snapshot snapshot = catalog.snapshot();
        List<JsonNode> refs = new ArrayList<>();
        refs.add(stored.path("ruleSet"));
        stored.path("alternatives").forEach(a -> refs.add(a.path("ruleSet")));
        for (JsonNode ref : refs) {
            String ruleSetId = ref.path("id").asText();
            String hash = ref.path("contentHash").asText();
            if (ruleSetId.isEmpty() || hash.isEmpty()) {
                continue;
            }
            var current = snapshot.ruleSets().get(ruleSetId);
            boolean held = current != null && current.versions().stream().anyMatch(v -> hash.equals(v.contentHash()));
            if (!held) {
                var superseded = sync.superseded(ruleSetId, hash);
                if (superseded.isPresent()) {
                    snapshot = snapshot.with(superseded.get());
                }
            }
        }
        return snapshot;
    }

    private Evaluated evaluate(JsonNode request, Instant knownAt) {
        return evaluate(request, knownAt, null);
    }

    /**
     * Evaluates a request with what was known at {@code knownAt}: the server's now for submissions, patches and
     * re-evaluations, a snapshot's own for a replay (with the rule sets as decided). The request's own
     * {@code knownAt} never decides.
     */
    private Evaluated evaluate(JsonNode request, Instant knownAt, com.tracklane.track.service.RuleSetCatalog.Snapshot ruleSets) {
        ObjectNode copy = request.deepCopy();
        copy.put("knownAt", knownAt.toString());
        try {
            EligibilityRequest parsed = eligibility.parse(copy);
            Decision decision = ruleSets == null ? eligibility.check(parsed, "en") : eligibility.check(parsed, "en", ruleSets);
            return new Evaluated(decision, decision.knownAt());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage(), e.errors().stream()
                    .map(f -> new FieldError("request." + f.field(), f.message())).toList());
        }
    }

    private void validate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "a JSON object with applicant and request is required");
        }
        List<FieldError> errors = new ArrayList<>(InputChecks.numbersOutOfRange(body, ""));
        if (body.path("request").has("knownAt")) {
            errors.add(new FieldError("request.knownAt", "is not accepted in an application: it is evaluated with the rules"
                    + " the service knows at submission (officers can replay any snapshot with its own knownAt)"));
        }
        if (errors.isEmpty()) {
            errors.addAll(SUBMISSION_SCHEMA.validate(body));
        }
        if (errors.isEmpty()) {
            for (String field : List.of("givenName", "familyName", "email")) {
                String problem = InputChecks.singleLineTextProblem(body.path("applicant").path(field).asText());
                if (problem != null) {
                    errors.add(new FieldError("applicant." + field, problem));
                }
            }
        }
        JsonNode dob = body.path("applicant").path("dateOfBirth");
        if (errors.isEmpty()) {
            try {
                LocalDate date = LocalDate.parse(dob.asText());
                if (date.isAfter(LocalDate.ofInstant(now(), java.time.ZoneOffset.UTC))) {
                    errors.add(new FieldError("applicant.dateOfBirth", "is in the future"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                errors.add(new FieldError("applicant.dateOfBirth", "is not a date (YYYY-MM-DD)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The application has " + errors.size() + " invalid field(s).", errors);
        }
    }

    private TravelApplication locked(String id, Long expectedVersion, Caller caller) {
        if (expectedVersion == null) {
            throw PreconditionException.required("This change needs If-Match with the application's current ETag.");
        }
        TravelApplication a = find(id, caller);
        if (a.version != expectedVersion) {
            throw PreconditionException.failed("The application has changed (ETag \"" + a.version + "\"); read it again.");
        }
        return a;
    }

    private TravelApplication transition(TravelApplication a, ApplicationStatus to, String action, String reason,
                                         String snapshotId, boolean override, String subject) {
        return transition(a, to, action, reason, snapshotId, override, subject, null);
    }

    private TravelApplication transition(TravelApplication a, ApplicationStatus to, String action, String reason,
                                         String snapshotId, boolean override, String subject, String changedFields) {
        Instant now = now();
        ApplicationStatus from = a.status;
        a.status = to;
        a.updatedAt = now;
        event(a, subject, action, from, to, reason, snapshotId, override, now).changedFields = changedFields;
        try {
            TravelApplication.getEntityManager().flush();
        } catch (OptimisticLockException e) {
            throw PreconditionException.failed("Another change to this application was saved first; read it again.");
        }
        return a;
    }

    private DecisionSnapshot snapshot(TravelApplication a, JsonNode request, Evaluated evaluated, Instant now) {
        Decision d = evaluated.decision();
        DecisionSnapshot s = new DecisionSnapshot();
        s.id = UUID.randomUUID().toString();
        s.applicationId = a.id;
        s.createdAt = now;
        s.knownAt = evaluated.knownAt();
        s.ruleSetId = d.ruleSet().id();
        s.ruleSetVersion = d.ruleSet().version();
        s.contentHash = d.ruleSet().contentHash();
        s.outcome = d.outcome().name();
        s.requestJson = write(request);
        s.decisionJson = write(mapper.valueToTree(d));
        s.persist();
        return s;
    }

    private static void setApplicant(TravelApplication a, JsonNode applicant) {
        a.givenName = applicant.get("givenName").asText();
        a.familyName = applicant.get("familyName").asText();
        a.passportNumber = applicant.get("passportNumber").asText();
        a.nationality = applicant.get("nationality").asText();
        a.dateOfBirth = LocalDate.parse(applicant.get("dateOfBirth").asText());
        a.email = applicant.get("email").asText();
    }

    private static ApplicationEvent event(TravelApplication a, String subject, String action, ApplicationStatus from,
                              ApplicationStatus to, String reason, String snapshotId, boolean override, Instant at) {
        ApplicationEvent e = new ApplicationEvent();
        e.applicationId = a.id;
        e.at = at;
        e.subject = subject;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = to;
        e.reason = reason;
        e.snapshotId = snapshotId;
        e.overrideDecision = override;
        e.persist();
        return e;
    }

    /** RT-KHJP-2020-000123: track, route, year of entry, a number from a database sequence. */
    private String reference(Decision d) {
        return reference(d, ApplicationReferenceSequence.next());
    }

    private static String reference(Decision d, long number) {
        return "%sT-%s%s-%d-%06d".formatted(d.track().name().charAt(0), d.route().origin(), d.route().destination(),
                d.entryAt().getYear(), number);
    }

    /** The same number, with the track and year of the new decision (the route cannot change). */
    static String renumbered(String reference, Decision d) {
        return reference(d, Long.parseLong(reference.substring(reference.lastIndexOf('-') + 1)));
    }

    /** {@code /request/itinerary/1/departure} → {@code request.itinerary[1].departure}, joined; capped to the column. */
    static String fieldNames(List<String> paths) {
        List<String> names = paths.stream().map(ApplicationService::fieldName).distinct().toList();
        String joined = String.join(",", names);
        if (joined.length() <= 4000) {
            return joined;
        }
        return String.join(",", names.stream().map(n -> n.replaceAll("^([^.\\[]+[.][^.\\[]+).*$", "$1")).distinct().toList());
    }

    private static String fieldName(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                out.append('[').append(part).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return out.toString();
    }

    private String hash(JsonNode body) {
        try {
            byte[] bytes = canonical.writeValueAsBytes(canonical.treeToValue(body, Object.class));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Now, to the millisecond: what the database stores is exactly what was answered and what replay will use. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "/" + n, a.path(n), b.path(n), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "/" + i, a.get(i), b.get(i), out);
            }
        } else {
            out.add(path.isEmpty() ? "/" : path);
        }
    }

}
