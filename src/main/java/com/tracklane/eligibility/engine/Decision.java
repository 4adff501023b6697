package com.tracklane.eligibility.engine;

import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.Track;
import com.tracklane.track.model.VersionStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer to one check: the best track's evaluation in full, and the other tracks of the route as alternatives.
 */
public record Decision(
        DecisionOutcome outcome,
        Track track,
        RuleSetRef ruleSet,
        Route route,
        OffsetDateTime entryAt,
        OffsetDateTime firstDepartureAt,
        Integer stayDays,
        Instant knownAt,
        List<Evaluation.RuleResult> results,
        List<Evaluation.ObligationResult> obligations,
        List<Evaluation.Warning> warnings,
        List<Alternative> alternatives) {

    public record RuleSetRef(String id, int version, VersionStatus status, String contentHash) {
        static RuleSetRef of(Evaluation e) {
            return new RuleSetRef(e.ruleSet().id(), e.version().number(), e.version().status(), e.version().contentHash());
        }
    }

    public record Route(String origin, String destination) {
    }

    public record Alternative(Track track, RuleSetRef ruleSet, DecisionOutcome outcome, List<String> failed,
                              List<String> pending) {
    }

    /** Best outcome wins (ELIGIBLE over CONDITIONAL over NOT_ELIGIBLE); ties go to RESIDENT. */
    public static final Comparator<Evaluation> BEST_FIRST = Comparator
            .comparing((Evaluation e) -> e.outcome().ordinal())
            .thenComparing(e -> e.ruleSet().track().ordinal());

    /** {@link #BEST_FIRST} for rule sets judged but not yet rendered. */
    private static final Comparator<Judgement> BEST_JUDGED_FIRST = Comparator
            .comparing((Judgement j) -> j.outcome().ordinal())
            .thenComparing(j -> j.ruleSet().track().ordinal());

    /**
     * Builds the decision from the judgements of every candidate rule set (at least one): only the best is rendered in
     * {@code language} (the alternatives show their outcome and rule ids, no text). Same answer as
     * {@link #of(Journey, Instant, List)} over the rendered evaluations.
     */
    public static Decision decide(Journey journey, Instant knownAt, List<Judgement> judgements, String language) {
        List<Judgement> ranked = judgements.size() == 1 ? judgements : judgements.stream().sorted(BEST_JUDGED_FIRST).toList();
        Evaluation best = Evaluator.render(ranked.get(0), language);
        List<Alternative> alternatives = new ArrayList<>(ranked.size() - 1);
        for (Judgement j : ranked.subList(1, ranked.size())) {
            alternatives.add(new Alternative(j.ruleSet().track(), new RuleSetRef(j.ruleSet().id(), j.version().number(),
                    j.version().status(), j.version().contentHash()), j.outcome(),
                    j.ruleIdsWith(RuleOutcome.FAIL), j.ruleIdsWith(RuleOutcome.PENDING)));
        }
        return of(journey, knownAt, best, List.copyOf(alternatives));
    }

    /** Builds the decision from the evaluations of every candidate rule set (at least one). */
    public static Decision of(Journey journey, Instant knownAt, List<Evaluation> evaluations) {
        List<Evaluation> ranked = evaluations.stream().sorted(BEST_FIRST).toList();
        Evaluation best = ranked.get(0);
        List<Alternative> alternatives = ranked.stream().skip(1)
                .map(e -> new Alternative(e.ruleSet().track(), RuleSetRef.of(e), e.outcome(),
                        e.ruleIdsWith(RuleOutcome.FAIL), e.ruleIdsWith(RuleOutcome.PENDING)))
                .toList();
        return of(journey, knownAt, best, alternatives);
    }

    private static Decision of(Journey journey, Instant knownAt, Evaluation best, List<Alternative> alternatives) {
        OffsetDateTime firstDeparture = journey.firstDeparture().atZone(journey.firstLeg().from().zone()).toOffsetDateTime();
        return new Decision(best.outcome(), best.ruleSet().track(), RuleSetRef.of(best),
                new Route(journey.origin(), journey.destination()), journey.entryAt(), firstDeparture,
                journey.stayDays(), knownAt, best.results(), best.obligations(), best.warnings(), alternatives);
    }
}
