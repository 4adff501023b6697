package com.tracklane.eligibility.engine;

import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.VersionSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of one rule set's version for one trip, before any text is rendered: what ranks the rule sets of a
 * check and what an alternative track shows. {@link Evaluator#render} turns the one that is answered into an
 * {@link Evaluation} with its messages, obligations and warnings.
 */
public final class Judgement {

    private final RuleSetSpec ruleSet;
    private final VersionSpec version;
    private final Facts facts;
    private final Instant knownAt;
    private final RuleBindings bindings;
    /** TRACK_OPEN first, then the version's rules in order. */
    private final RuleOutcome[] outcomes;
    private final DecisionOutcome outcome;

    Judgement(RuleSetSpec ruleSet, VersionSpec version, Facts facts, Instant knownAt, RuleBindings bindings,
              RuleOutcome[] outcomes) {
        this.ruleSet = ruleSet;
        this.version = version;
        this.facts = facts;
        this.knownAt = knownAt;
        this.bindings = bindings;
        this.outcomes = outcomes;
        boolean failed = false;
        boolean pending = false;
        for (RuleOutcome o : outcomes) {
            failed |= o == RuleOutcome.FAIL;
            pending |= o == RuleOutcome.PENDING;
        }
        this.outcome = DecisionOutcome.of(failed, pending);
    }

    public RuleSetSpec ruleSet() {
        return ruleSet;
    }

    public VersionSpec version() {
        return version;
    }

    public DecisionOutcome outcome() {
        return outcome;
    }

    Facts facts() {
        return facts;
    }

    Instant knownAt() {
        return knownAt;
    }

    RuleBindings bindings() {
        return bindings;
    }

    /** The outcome of TRACK_OPEN ({@code index} 0) or of the version's rule {@code index - 1}. */
    RuleOutcome outcome(int index) {
        return outcomes[index];
    }

    /** The ids of the rules with the given outcome, TRACK_OPEN first, then in the version's order. */
    public List<String> ruleIdsWith(RuleOutcome wanted) {
        List<String> ids = new ArrayList<>(2);
        if (outcomes[0] == wanted) {
            ids.add(Evaluator.TRACK_OPEN);
        }
        List<RuleSpec> rules = version.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (outcomes[i + 1] == wanted) {
                ids.add(rules.get(i).id());
            }
        }
        return List.copyOf(ids);
    }
}
