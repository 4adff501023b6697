package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Citation;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.Severity;
import com.tracklane.track.model.VersionSpec;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The outcome of one rule set's version in force for one trip. */
public record Evaluation(
        RuleSetSpec ruleSet,
        VersionSpec version,
        DecisionOutcome outcome,
        List<RuleResult> results,
        List<ObligationResult> obligations,
        List<Warning> warnings) {

    /** One rule's result; {@code deadline} is set for PENDING results. */
    public record RuleResult(String ruleId, RuleOutcome outcome, Severity severity, String title, String message,
                             Citation citation, OffsetDateTime deadline) {
    }

    /** One obligation with its destination-local dates ({@code until} null: until the departure, which is open). */
    public record ObligationResult(String code, LocalDate from, LocalDate until, String detail, Citation citation) {
    }

    public record Warning(String code, String message) {
    }

    public List<String> ruleIdsWith(RuleOutcome wanted) {
        return results.stream().filter(r -> r.outcome() == wanted).map(RuleResult::ruleId).toList();
    }
}
