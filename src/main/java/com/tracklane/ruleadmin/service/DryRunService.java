package com.tracklane.ruleadmin.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.ConflictException;
import com.tracklane.common.EvaluationException;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.Problem;
import com.tracklane.common.ProblemMappers;
import com.tracklane.common.Times;
import com.tracklane.common.UnprocessableException;
import com.tracklane.eligibility.engine.Decision;
import com.tracklane.eligibility.engine.DecisionOutcome;
import com.tracklane.eligibility.service.EligibilityRequest;
import com.tracklane.eligibility.service.EligibilityService;
import com.tracklane.intake.service.ApplicationQueries;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.service.RuleSetJson;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.repository.RuleSetRecord;
import com.tracklane.track.repository.RuleSetRepository;
import com.tracklane.track.repository.RuleVersionRecord;
import com.tracklane.track.repository.RuleVersionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a draft would change: each request (or each stored application of the rule set's route) is evaluated on the
 * rule set's track under the versions in force and under the same versions with the draft published now. Nothing
 * is written.
 */
@ApplicationScoped
public class DryRunService {

    public static final int MAX_CHECKS = 1000;
    public static final int MAX_APPLICATIONS = 10_000;

    private final ApplicationQueries storedApplications;
    private final RuleSetCatalog catalog;
    private final RuleAdminService admin;
    private final EligibilityService eligibility;
    private final ObjectMapper mapper;
    private final RuleSetRepository ruleSets;
    private final RuleVersionRepository versions;

    public DryRunService(ApplicationQueries storedApplications, RuleSetCatalog catalog, RuleAdminService admin, EligibilityService eligibility,
                         ObjectMapper mapper, RuleSetRepository ruleSets, RuleVersionRepository versions) {
        this.ruleSets = ruleSets;
        this.versions = versions;
        this.storedApplications = storedApplications;
        this.catalog = catalog;
        this.admin = admin;
        this.eligibility = eligibility;
        this.mapper = mapper;
    }

    public record Side(DecisionOutcome outcome, int version, String status) {
    }

    public record RuleChange(String ruleId, RuleOutcome before, RuleOutcome after) {
    }

    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Item(int index, String applicationId, String reference, Side before, Side after, Boolean changed,
                       List<RuleChange> rules, String skipped, Problem problem) {
    }

    public record Transition(DecisionOutcome from, DecisionOutcome to, int count, Map<String, Integer> rules) {
    }

    public record Summary(int total, int evaluated, int skipped, int invalid, int changed, List<Transition> transitions) {
    }

    public record Result(String ruleSet, int draft, String draftStatus, java.time.OffsetDateTime effectiveFrom,
                         Instant knownAt, Summary summary, List<Item> items) {
    }

    private record Input(String applicationId, String reference, JsonNode request) {
    }

    public Result run(String ruleSetId, int number, JsonNode body, String language) {
        RuleSetCatalog.Snapshot before = catalog.snapshot();
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> prepare(ruleSetId, number, body, before.asOf()));
        RuleSetCatalog.Snapshot after = before.with(prepared.spec());
        RuleSetSpec spec = prepared.spec();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < prepared.inputs().size(); i++) {
            items.add(item(i, prepared.inputs().get(i), spec, before, after, language));
        }
        var draft = spec.versions().get(spec.versions().size() - 1);
        return new Result(ruleSetId, number, draft.status().name(), draft.effectiveFrom(), before.asOf(), summarise(items), items);
    }

    private record Prepared(RuleSetSpec spec, List<Input> inputs) {
    }

    private Prepared prepare(String ruleSetId, int number, JsonNode body, Instant asOf) {
        RuleVersionRecord draft = admin.version(ruleSetId, number);
        if (draft.state != RuleVersionRecord.State.DRAFT) {
            throw new ConflictException("Version " + number + " of '" + ruleSetId + "' is published: a dry run compares a draft with the versions in force.");
        }
        RuleSetRecord set = ruleSets.findById(ruleSetId);
        ObjectNode version = (ObjectNode) RuleSetJson.parse(draft.document);
        // As if published at the snapshot's knowledge time, so that checks known "now" see it.
        version.put("publishedAt", asOf.toString());
        RuleSetSpec spec = admin.compileWith(set, versions.publishedOf(ruleSetId), version);
        return new Prepared(spec, inputs(set, body));
    }

    private List<Input> inputs(RuleSetRecord set, JsonNode body) {
        JsonNode checks = body != null && body.isObject() ? body.get("checks") : body;
        if (checks != null && checks.isArray()) {
            if (checks.size() > MAX_CHECKS) {
                throw InvalidInputException.of("checks", "at most " + MAX_CHECKS + " requests per dry run (found " + checks.size() + ")");
            }
            List<Input> out = new ArrayList<>();
            checks.forEach(c -> out.add(new Input(null, null, c)));
            return out;
        }
        JsonNode applications = body != null && body.isObject() ? body.get("applications") : null;
        if (applications == null || !applications.isObject()) {
            throw InvalidInputException.of("(body)", "expected a list of eligibility requests, {\"checks\": [...]}, "
                    + "or {\"applications\": {\"submittedFrom\": instant, \"submittedTo\": instant}}");
        }
        Instant from = instant(applications, "submittedFrom");
        Instant to = instant(applications, "submittedTo");
        if (from != null && to != null && !to.isAfter(from)) {
            throw InvalidInputException.of("applications.submittedTo", "must be after submittedFrom");
        }
        List<ApplicationQueries.StoredRequest> rows = storedApplications.submittedOnRoute(set.origin, set.destination,
                from == null ? Instant.EPOCH : from, to == null ? Instant.parse("9999-01-01T00:00:00Z") : to, MAX_APPLICATIONS + 1);
        if (rows.size() > MAX_APPLICATIONS) {
            throw new UnprocessableException("too-many-applications", "More than " + MAX_APPLICATIONS
                    + " applications were submitted in that range: narrow it.");
        }
        return rows.stream().map(r -> new Input(r.id(), r.reference(), RuleSetJson.parse(r.requestJson()))).toList();
    }

    private static Instant instant(JsonNode applications, String field) {
        JsonNode value = applications.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return Times.parseWithOffset(value.asText()).orElseThrow(() -> InvalidInputException.of("applications." + field,
                "expected an instant with an offset or Z, such as 2020-09-01T00:00:00Z"));
    }

    private Item item(int index, Input input, RuleSetSpec spec, RuleSetCatalog.Snapshot before, RuleSetCatalog.Snapshot after,
                      String language) {
        EligibilityRequest request;
        try {
            ObjectNode copy = input.request() != null && input.request().isObject() ? ((ObjectNode) input.request()).deepCopy() : null;
            if (copy != null) {
                copy.remove("knownAt"); // both sides are evaluated with what is known now (and the draft)
                copy.put("track", spec.track().name());
            }
            request = eligibility.parse(copy);
        } catch (RuntimeException e) {
            return new Item(index, input.applicationId(), input.reference(), null, null, null, null, null, ProblemMappers.problemOf(e));
        }
        try {
            Decision was;
            Decision would;
            try {
                was = eligibility.check(request, language, before);
            } catch (EvaluationException e) {
                return failed(index, input, e, "the versions in force");
            }
            try {
                would = eligibility.check(request, language, after);
            } catch (EvaluationException e) {
                return failed(index, input, e, "the draft");
            }
            if (!spec.id().equals(was.ruleSet().id())) {
                return new Item(index, input.applicationId(), input.reference(), null, null, null, null,
                        "the route " + was.route().origin() + " → " + was.route().destination() + " is not this rule set's", null);
            }
            List<RuleChange> changes = changes(was, would);
            boolean changed = was.outcome() != would.outcome() || !changes.isEmpty()
                    || was.ruleSet().version() != would.ruleSet().version();
            return new Item(index, input.applicationId(), input.reference(), side(was), side(would), changed, changes, null, null);
        } catch (InvalidInputException | UnprocessableException e) {
            return new Item(index, input.applicationId(), input.reference(), null, null, null, null, null, ProblemMappers.problemOf(e));
        }
    }

    /**
     * A rule (or obligation) that type-checked but fails when evaluated for this request: a defect of the version,
     * which the dry run reports per request (publishing such a draft would fail these checks).
     */
    private static Item failed(int index, Input input, EvaluationException e, String under) {
        return new Item(index, input.applicationId(), input.reference(), null, null, null, null, null,
                ProblemMappers.evaluationProblem(e, under));
    }

    private static Side side(Decision d) {
        return new Side(d.outcome(), d.ruleSet().version(), d.ruleSet().status().name());
    }

    /** The rules whose outcome differs (a rule only one side has counts, with null on the other). */
    private static List<RuleChange> changes(Decision was, Decision would) {
        Map<String, RuleOutcome> before = new LinkedHashMap<>();
        was.results().forEach(r -> before.put(r.ruleId(), r.outcome()));
        Map<String, RuleOutcome> after = new LinkedHashMap<>();
        would.results().forEach(r -> after.put(r.ruleId(), r.outcome()));
        List<RuleChange> out = new ArrayList<>();
        before.forEach((id, outcome) -> {
            if (!Objects.equals(outcome, after.get(id))) {
                out.add(new RuleChange(id, outcome, after.get(id)));
            }
        });
        after.forEach((id, outcome) -> {
            if (!before.containsKey(id)) {
                out.add(new RuleChange(id, null, outcome));
            }
        });
        return out;
    }

    private static Summary summarise(List<Item> items) {
        Map<String, DecisionOutcome[]> keys = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> rules = new TreeMap<>();
        int evaluated = 0, skipped = 0, invalid = 0, changed = 0;
        for (Item item : items) {
            if (item.problem() != null) {
                invalid++;
                continue;
            }
            if (item.skipped() != null) {
                skipped++;
                continue;
            }
            evaluated++;
            if (Boolean.TRUE.equals(item.changed())) {
                changed++;
            }
            String key = item.before().outcome() + ">" + item.after().outcome();
            keys.putIfAbsent(key, new DecisionOutcome[] {item.before().outcome(), item.after().outcome()});
            counts.merge(key, 1, Integer::sum);
            Map<String, Integer> byRule = rules.computeIfAbsent(key, k -> new TreeMap<>());
            item.rules().forEach(r -> byRule.merge(r.ruleId(), 1, Integer::sum));
        }
        List<Transition> transitions = new ArrayList<>();
        keys.forEach((key, pair) -> transitions.add(new Transition(pair[0], pair[1], counts.get(key), rules.get(key))));
        return new Summary(items.size(), evaluated, skipped, invalid, changed, transitions);
    }
}
