package com.tracklane.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.service.EligibilityRequest;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.model.DecisionSnapshot;
import com.tracklane.intake.model.TravelApplication;
import com.tracklane.intake.repository.DecisionSnapshotRepository;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.service.RuleSetSync;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Evaluating an application's trip and keeping the result as a decision snapshot: at the server's now for submissions,
 * patches and re-evaluations, at a snapshot's own {@code knownAt} with the rule sets as decided for a replay.
 */
@ApplicationScoped
public class Evaluations {

    private final EligibilityService eligibility;
    private final RuleSetCatalog catalog;
    private final RuleSetSync sync;
    private final DecisionSnapshotRepository snapshots;
    private final ObjectMapper mapper;
    private final Clock clock;

    public Evaluations(EligibilityService eligibility, RuleSetCatalog catalog, RuleSetSync sync,
                       DecisionSnapshotRepository snapshots, ObjectMapper mapper, Clock clock) {
        this.eligibility = eligibility;
        this.catalog = catalog;
        this.sync = sync;
        this.snapshots = snapshots;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A decision and the instant it was taken with. */
    public record Evaluated(Decision decision, Instant knownAt) {
    }

    /** Now, to the millisecond: what the database stores is exactly what was answered and what replay will use. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Evaluates a request with the rule sets in memory at {@code knownAt}; the request's own knownAt never decides. */
    public Evaluated evaluate(JsonNode request, Instant knownAt) {
        return evaluate(request, knownAt, null);
    }

    /** Evaluates a stored decision's request again at its {@code knownAt}, with the rule sets as they decided it. */
    public Evaluated replay(JsonNode request, Instant knownAt, JsonNode storedDecision) {
        return evaluate(request, knownAt, asDecided(storedDecision));
    }

    /** Stores the evaluation as a new snapshot of the application (the caller makes it the current one). */
    public DecisionSnapshot record(TravelApplication a, JsonNode request, Evaluated evaluated, Instant now) {
        DecisionSnapshot s = snapshot(a, request, evaluated, now);
        snapshots.persist(s);
        return s;
    }

    /**
     * The evaluation as a new snapshot of the application, not stored yet: a new application names it as its current
     * snapshot before either is inserted (one INSERT each, no UPDATE), then {@link #store} stores it.
     */
    public DecisionSnapshot snapshot(TravelApplication a, JsonNode request, Evaluated evaluated, Instant now) {
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
        s.request = request;
        s.decision = mapper.valueToTree(d);
        return s;
    }

    /** Stores a snapshot made by {@link #snapshot}. */
    public void store(DecisionSnapshot s) {
        snapshots.persist(s);
    }

    /** Records the evaluation and makes it the application's current decision. */
    public DecisionSnapshot recordCurrent(TravelApplication a, JsonNode request, Evaluated evaluated, Instant now) {
        DecisionSnapshot snapshot = record(a, request, evaluated, now);
        a.currentSnapshotId = snapshot.id;
        a.currentOutcome = snapshot.outcome;
        return snapshot;
    }

    /**
     * The rule sets in memory, with each rule set the stored decision names (its own and its alternatives') replaced
     * by the edition that held the named version when a later edition has superseded it (see
     * {@code V6__superseded_rule_versions.sql}).
     */
    private RuleSetCatalog.Snapshot asDecided(JsonNode stored) {
        RuleSetCatalog.Snapshot snapshot = catalog.snapshot();
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

    private Evaluated evaluate(JsonNode request, Instant knownAt, RuleSetCatalog.Snapshot ruleSets) {
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
}
