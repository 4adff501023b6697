package com.tracklane.support;

import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.eligibility.engine.Evaluator;
import com.tracklane.eligibility.engine.Facts;
import com.tracklane.eligibility.engine.FactsCalculator;
import com.tracklane.eligibility.engine.Journey;
import com.tracklane.eligibility.engine.JourneyAnalyzer;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.track.service.RuleSetCompiler;
import com.tracklane.track.model.RuleSetSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shipped rule sets, compiled once, and a way to evaluate a trip against one of them. */
public final class ShippedRuleSets {

    public static final List<String> IDS = List.of("resident-kh-jp", "business-kh-jp", "resident-jp-kh", "business-jp-kh");
    private static final Map<String, RuleSetSpec> RULE_SETS = new HashMap<>();

    static {
        RuleSetCompiler compiler = new RuleSetCompiler();
        for (String id : IDS) {
            RULE_SETS.put(id, compiler.compile(id + ".yaml", read("rulesets/" + id + ".yaml")));
        }
    }

    private ShippedRuleSets() {
    }

    public static RuleSetSpec get(String id) {
        return RULE_SETS.get(id);
    }

    public static String read(String resource) {
        try (InputStream in = ShippedRuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates with every version known (knownAt = far future). */
    public static Evaluation evaluate(String id, Trips trips) {
        return evaluate(id, trips, Instant.parse("2100-01-01T00:00:00Z"), "en");
    }

    public static Evaluation evaluate(String id, Trips trips, Instant knownAt, String language) {
        Trip trip = trips.build();
        Journey journey = JourneyAnalyzer.analyze(trip);
        RuleSetSpec ruleSet = get(id);
        // As the service does: the tracks of the route open at the entry (messages suggest only those).
        List<RuleSetSpec> route = RULE_SETS.values().stream()
                .filter(r -> r.origin().equals(ruleSet.origin()) && r.destination().equals(ruleSet.destination())).toList();
        Facts facts = FactsCalculator.withOpenTracks(FactsCalculator.compute(trip, journey), route, knownAt);
        return Evaluator.evaluate(ruleSet, facts, knownAt, language).orElseThrow();
    }

    public static Evaluation.RuleResult result(Evaluation evaluation, String ruleId) {
        return evaluation.results().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ruleId + " in " + evaluation.results()));
    }
}
