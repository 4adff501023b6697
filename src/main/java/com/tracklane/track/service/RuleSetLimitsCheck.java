package com.tracklane.track.service;

import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.Template;
import java.util.List;
import java.util.Map;

/**
 * The cost and size limits a drafted version is held to (see {@link RuleLimitsConfig}): an expression whose estimated
 * cost ({@link CelCost}) is over the limit, a parameter text or list over the size limits. Part of {@link RuleSetCompiler}.
 */
final class RuleSetLimitsCheck {

    private RuleSetLimitsCheck() {
    }

    static final Map<RuleOutcome, String> MESSAGE_KEYS = Map.of(RuleOutcome.PASS, "pass", RuleOutcome.FAIL, "fail",
            RuleOutcome.PENDING, "pending", RuleOutcome.NOT_APPLICABLE, "notApplicable");

    /** A parameter text or list over the size limits: a rule could not even read it without building too much. */
    static void parameterLimits(CompileContext ctx, String path, CelExpressions.Limits limits, Map<String, Object> values) {
        values.forEach((name, value) -> {
            String at = path + ".parameters." + name + ".value";
            if (value instanceof String s && s.length() > limits.maxTextLength()) {
                ctx.problem(at, null, "is " + s.length() + " characters long: a parameter text may have at most "
                        + limits.maxTextLength());
            } else if (value instanceof List<?> list) {
                if (list.size() > limits.maxListSize()) {
                    ctx.problem(at, null, "has " + list.size() + " elements: a parameter list may have at most " + limits.maxListSize());
                }
                for (int i = 0; i < list.size(); i++) {
                    if (String.valueOf(list.get(i)).length() > limits.maxTextLength()) {
                        ctx.problem(at + "[" + i + "]", null, "is longer than " + limits.maxTextLength() + " characters");
                        break;
                    }
                }
            }
        });
    }

    /** An expression whose estimated cost is over the limit (see {@link CelCost}). */
    static void cost(CompileContext ctx, String path, String ruleId, Expression expression, Map<String, Object> parameters) {
        if (expression == null) {
            return;
        }
        CelCost.Estimate estimate = CelExpressions.estimate(expression, parameters);
        CelExpressions.Limits limits = ctx.limits();
        if (estimate.cost() > limits.maxCost()) {
            StringBuilder message = new StringBuilder("estimated cost ").append(amount(estimate.cost()))
                    .append(" is over the limit of ").append(amount(limits.maxCost())).append(" per expression");
            if (estimate.maxTextLength() > limits.maxTextLength()) {
                message.append("; it may build a text of ").append(amount(estimate.maxTextLength()))
                        .append(" characters (limit ").append(amount(limits.maxTextLength())).append(')');
            }
            if (estimate.maxListSize() > limits.maxListSize()) {
                message.append("; it may build a list of ").append(amount(estimate.maxListSize()))
                        .append(" elements (limit ").append(amount(limits.maxListSize())).append(')');
            }
            ctx.problem(path, ruleId, message.toString());
        }
    }

    static void cost(CompileContext ctx, String path, String ruleId, Localized<Template> message, Map<String, Object> parameters) {
        if (message == null) {
            return;
        }
        new java.util.TreeMap<>(message.byLanguage()).forEach((language, template) -> {
            int placeholder = 0;
            for (Template.Part part : template.parts()) {
                if (part instanceof Template.Value value) {
                    placeholder++;
                    // the placeholder by its position, not its text: problems are logged
                    cost(ctx, path + "." + language + " placeholder " + placeholder, ruleId, value.expression(), parameters);
                }
            }
        });
    }

    private static String amount(long n) {
        return n >= Long.MAX_VALUE / 4 ? "more than " + String.format(java.util.Locale.ROOT, "%,d", Long.MAX_VALUE / 4)
                : String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
