package com.tracklane.eligibility.engine;

import com.tracklane.common.EvaluationException;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Severity;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.model.VersionStatus;
import com.tracklane.track.model.Wording;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates the version of a rule set in force for a trip's entry: every rule, the built-in TRACK_OPEN, the obligations. */
public final class Evaluator {

    public static final String TRACK_OPEN = RuleSpec.TRACK_OPEN;

    private Evaluator() {
    }

    /**
     * @return empty when no version of the rule set was known at {@code knownAt}
     */
    public static Optional<Evaluation> evaluate(RuleSetSpec ruleSet, Facts facts, Instant knownAt, String language) {
        return evaluate(ruleSet, facts, knownAt, language, Expression.Bindings.NO_DEADLINE);
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} by which the check must be answered: an expression still
     *                      running then fails with an {@link EvaluationException} ({@link Expression.Bindings#NO_DEADLINE}
     *                      for none)
     * @return empty when no version of the rule set was known at {@code knownAt}
     */
    public static Optional<Evaluation> evaluate(RuleSetSpec ruleSet, Facts facts, Instant knownAt, String language,
                                                long deadlineNanos) {
        Journey journey = facts.journey();
        Optional<VersionSpec> found = ruleSet.versionAt(journey.entryInstant(), knownAt);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VersionSpec version = found.get();
        RuleBindings bindings = new RuleBindings(facts, version.values(), deadlineNanos);
        OffsetDateTime deadline = journey.firstDeparture().atZone(journey.firstLeg().from().zone()).toOffsetDateTime();

        List<Evaluation.RuleResult> results = new ArrayList<>(version.rules().size() + 1);
        boolean forPeople = ruleSet.forPeople();
        results.add(trackOpen(ruleSet, version, journey, knownAt, language, bindings, deadline));
        for (RuleSpec rule : version.rules()) {
            try {
                RuleOutcome outcome = outcomeOf(rule, bindings);
                Localized<Template> message = rule.messages().get(outcome);
                results.add(new Evaluation.RuleResult(rule.id(), outcome, rule.severity(), rule.title().in(language),
                        message.in(language).render(bindings, language, forPeople), rule.citation(),
                        outcome == RuleOutcome.PENDING ? deadline : null));
            } catch (EvaluationException e) {
                throw e.in("rule " + rule.id() + " of " + ruleSet.id() + " version " + version.number());
            }
        }

        List<Evaluation.ObligationResult> obligations = new ArrayList<>();
        List<Evaluation.Warning> warnings = new ArrayList<>();
        LocalDate entryDate = journey.entryDate();
        LocalDate exitDate = journey.exitDate();
        for (ObligationSpec obligation : version.obligations()) {
            String detail;
            try {
                if (obligation.when() != null && !obligation.when().test(bindings)) {
                    continue;
                }
                detail = obligation.detail().in(language).render(bindings, language, forPeople);
            } catch (EvaluationException e) {
                throw e.in("obligation " + obligation.code() + " of " + ruleSet.id() + " version " + version.number());
            }
            LocalDate from = entryDate.plusDays(obligation.fromDay());
            LocalDate until = obligation.untilDay() == null ? exitDate : entryDate.plusDays(obligation.untilDay());
            obligations.add(new Evaluation.ObligationResult(obligation.code(), from, until, detail, obligation.citation()));
            if (obligation.warnWhenCutShort() && exitDate != null && until != null && !exitDate.isAfter(until)) {
                warnings.add(new Evaluation.Warning("DEPARTS_BEFORE_" + obligation.code() + "_ENDS",
                        BuiltInTexts.CUT_SHORT.in(language).of(exitDate,
                                forPeople ? Wording.code(obligation.code(), language) : obligation.code(), until)));
            }
        }
        boolean failed = false;
        boolean pending = false;
        for (Evaluation.RuleResult result : results) {
            failed |= result.outcome() == RuleOutcome.FAIL;
            pending |= result.outcome() == RuleOutcome.PENDING;
        }
        DecisionOutcome outcome = DecisionOutcome.of(failed, pending);
        return Optional.of(new Evaluation(ruleSet, version, outcome, List.copyOf(results), List.copyOf(obligations),
                List.copyOf(warnings)));
    }

    static RuleOutcome outcomeOf(RuleSpec rule, Expression.Bindings bindings) {
        if (rule.applicableWhen() != null && !rule.applicableWhen().test(bindings)) {
            return RuleOutcome.NOT_APPLICABLE;
        }
        if (rule.pendingWhen() != null && rule.pendingWhen().test(bindings)) {
            return RuleOutcome.PENDING;
        }
        return rule.condition().test(bindings) ? RuleOutcome.PASS : RuleOutcome.FAIL;
    }

    private static Evaluation.RuleResult trackOpen(RuleSetSpec ruleSet, VersionSpec version, Journey journey,
                                                   Instant knownAt, String language, RuleBindings bindings,
                                                   OffsetDateTime deadline) {
        boolean forPeople = ruleSet.forPeople();
        VersionSpec.TrackOpenGrace grace = version.trackOpenGrace();
        if (grace != null && version.status() != VersionStatus.OPEN && journey.entryInstant().isBefore(grace.until().toInstant())) {
            try {
                RuleOutcome outcome = grace.pendingWhen() != null && grace.pendingWhen().test(bindings) ? RuleOutcome.PENDING
                        : grace.condition().test(bindings) ? RuleOutcome.PASS : RuleOutcome.FAIL;
                return new Evaluation.RuleResult(TRACK_OPEN, outcome, Severity.BLOCKING, BuiltInTexts.TRACK_OPEN_TITLE.in(language),
                        grace.messages().get(outcome).in(language).render(bindings, language, forPeople), grace.citation(),
                        outcome == RuleOutcome.PENDING ? deadline : null);
            } catch (EvaluationException e) {
                throw e.in("the TRACK_OPEN grace of " + ruleSet.id() + " version " + version.number());
            }
        }
        boolean open = version.status() == VersionStatus.OPEN;
        Object status = forPeople ? Wording.code(version.status().name(), language) : version.status();
        Object from = forPeople ? Wording.instant(version.effectiveFrom()) : version.effectiveFrom();
        String message = (open ? BuiltInTexts.TRACK_OPEN_PASS : forPeople ? BuiltInTexts.TRACK_NOT_OPEN : BuiltInTexts.TRACK_OPEN_FAIL)
                .in(language).of(status, journey.entryDate(), version.number(), from);
        Optional<VersionSpec> next = ruleSet.nextAfter(version, knownAt);
        if (next.isPresent() && next.get().status() != version.status()) {
            message += BuiltInTexts.NEXT_CHANGE.in(language).of(
                    forPeople ? Wording.code(next.get().status().name(), language) : next.get().status(),
                    forPeople ? Wording.instant(next.get().effectiveFrom()) : next.get().effectiveFrom());
        }
        return new Evaluation.RuleResult(TRACK_OPEN, open ? RuleOutcome.PASS : RuleOutcome.FAIL, Severity.BLOCKING,
                BuiltInTexts.TRACK_OPEN_TITLE.in(language), message, version.citation(), null);
    }
}
