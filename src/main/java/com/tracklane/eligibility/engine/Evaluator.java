package com.tracklane.eligibility.engine;

import com.tracklane.common.EvaluationException;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Severity;
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
        return judge(ruleSet, facts, knownAt, deadlineNanos).map(judgement -> render(judgement, language));
    }

    /**
     * The outcome of every rule (TRACK_OPEN first) of the version in force for the trip, without rendering any text.
     *
     * @return empty when no version of the rule set was known at {@code knownAt}
     */
    public static Optional<Judgement> judge(RuleSetSpec ruleSet, Facts facts, Instant knownAt, long deadlineNanos) {
        Journey journey = facts.journey();
        Optional<VersionSpec> found = ruleSet.versionAt(journey.entryInstant(), knownAt);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        VersionSpec version = found.get();
        RuleBindings bindings = new RuleBindings(facts, version.values(), deadlineNanos);
        List<RuleSpec> rules = version.rules();
        RuleOutcome[] outcomes = new RuleOutcome[rules.size() + 1];
        outcomes[0] = trackOpen(ruleSet, version, journey, bindings);
        for (int i = 0; i < rules.size(); i++) {
            RuleSpec rule = rules.get(i);
            try {
                outcomes[i + 1] = outcomeOf(rule, bindings);
            } catch (EvaluationException e) {
                throw e.in("rule " + rule.id() + " of " + ruleSet.id() + " version " + version.number());
            }
        }
        return Optional.of(new Judgement(ruleSet, version, facts, knownAt, bindings, outcomes));
    }

    /**
     * The full evaluation of a judged version in {@code language}: every rule's message, the obligations and warnings.
     * The texts that do not depend on the trip come from {@link PreparedTexts} (once per version and language).
     */
    public static Evaluation render(Judgement judgement, String language) {
        RuleSetSpec ruleSet = judgement.ruleSet();
        VersionSpec version = judgement.version();
        Journey journey = judgement.facts().journey();
        RuleBindings bindings = judgement.bindings();
        PreparedTexts texts = PreparedTexts.of(ruleSet, version, language);
        OffsetDateTime deadline = journey.firstDeparture().atZone(journey.firstLeg().from().zone()).toOffsetDateTime();

        List<RuleSpec> rules = version.rules();
        Evaluation.RuleResult[] results = new Evaluation.RuleResult[rules.size() + 1];
        results[0] = trackOpenResult(judgement, language, texts, deadline);
        for (int i = 0; i < rules.size(); i++) {
            RuleSpec rule = rules.get(i);
            RuleOutcome outcome = judgement.outcome(i + 1);
            try {
                results[i + 1] = new Evaluation.RuleResult(rule.id(), outcome, rule.severity(), rule.title().in(language),
                        texts.render(rule.messages().get(outcome).in(language), bindings), rule.citation(),
                        outcome == RuleOutcome.PENDING ? deadline : null);
            } catch (EvaluationException e) {
                throw e.in("rule " + rule.id() + " of " + ruleSet.id() + " version " + version.number());
            }
        }

        boolean forPeople = ruleSet.forPeople();
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
                detail = texts.render(obligation.detail().in(language), bindings);
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
        return new Evaluation(ruleSet, version, judgement.outcome(), List.of(results), List.copyOf(obligations),
                List.copyOf(warnings));
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

    /** Whether TRACK_OPEN is decided by the version's grace rather than by its status alone. */
    private static boolean inGrace(VersionSpec version, Journey journey) {
        VersionSpec.TrackOpenGrace grace = version.trackOpenGrace();
        return grace != null && version.status() != VersionStatus.OPEN
                && journey.entryInstant().isBefore(grace.until().toInstant());
    }

    private static RuleOutcome trackOpen(RuleSetSpec ruleSet, VersionSpec version, Journey journey, RuleBindings bindings) {
        if (inGrace(version, journey)) {
            VersionSpec.TrackOpenGrace grace = version.trackOpenGrace();
            try {
                return grace.pendingWhen() != null && grace.pendingWhen().test(bindings) ? RuleOutcome.PENDING
                        : grace.condition().test(bindings) ? RuleOutcome.PASS : RuleOutcome.FAIL;
            } catch (EvaluationException e) {
                throw e.in("the TRACK_OPEN grace of " + ruleSet.id() + " version " + version.number());
            }
        }
        return version.status() == VersionStatus.OPEN ? RuleOutcome.PASS : RuleOutcome.FAIL;
    }

    private static Evaluation.RuleResult trackOpenResult(Judgement judgement, String language, PreparedTexts texts,
                                                         OffsetDateTime deadline) {
        RuleSetSpec ruleSet = judgement.ruleSet();
        VersionSpec version = judgement.version();
        Journey journey = judgement.facts().journey();
        RuleOutcome outcome = judgement.outcome(0);
        if (inGrace(version, journey)) {
            VersionSpec.TrackOpenGrace grace = version.trackOpenGrace();
            try {
                return new Evaluation.RuleResult(TRACK_OPEN, outcome, Severity.BLOCKING, BuiltInTexts.TRACK_OPEN_TITLE.in(language),
                        texts.render(grace.messages().get(outcome).in(language), judgement.bindings()), grace.citation(),
                        outcome == RuleOutcome.PENDING ? deadline : null);
            } catch (EvaluationException e) {
                throw e.in("the TRACK_OPEN grace of " + ruleSet.id() + " version " + version.number());
            }
        }
        boolean open = version.status() == VersionStatus.OPEN;
        String message = (open ? BuiltInTexts.TRACK_OPEN_PASS : ruleSet.forPeople() ? BuiltInTexts.TRACK_NOT_OPEN : BuiltInTexts.TRACK_OPEN_FAIL)
                .in(language).of(texts.status, journey.entryDate(), version.number(), texts.effectiveFrom);
        Optional<VersionSpec> next = ruleSet.nextAfter(version, judgement.knownAt());
        if (next.isPresent() && next.get().status() != version.status()) {
            message += texts.nextChange(next.get());
        }
        return new Evaluation.RuleResult(TRACK_OPEN, outcome, Severity.BLOCKING,
                BuiltInTexts.TRACK_OPEN_TITLE.in(language), message, version.citation(), null);
    }
}
