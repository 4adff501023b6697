package com.tracklane.track.service;

import com.tracklane.track.model.Citation;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetProblem;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Severity;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.service.RuleSetDocument.CitationDocument;
import com.tracklane.track.service.RuleSetDocument.ObligationDocument;
import com.tracklane.track.service.RuleSetDocument.RuleDocument;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the rules, obligations and track-open grace of one version: every condition and every message placeholder
 * is type-checked as CEL against the version's parameters, each error becoming a {@link RuleSetProblem} at its path.
 * Part of {@link RuleSetCompiler}.
 */
final class RuleDocumentCompiler {

    List<RuleSpec> rules(CompileContext ctx, String path, ExpressionCompiler cel, List<RuleDocument> docs) {
        List<RuleSpec> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < docs.size(); i++) {
            RuleDocument r = docs.get(i);
            String at = path + "[" + i + "]";
            if (!ids.add(r.id())) {
                ctx.problem(at + ".id", r.id(), "rule id is used twice in this version");
            }
            if (RuleSpec.TRACK_OPEN.equals(r.id())) {
                ctx.problem(at + ".id", r.id(), "TRACK_OPEN is built in and cannot be redefined");
            }
            Expression applicable = optionalCondition(ctx, at + ".applicableWhen", r.id(), cel, r.applicableWhen());
            Expression pending = optionalCondition(ctx, at + ".pendingWhen", r.id(), cel, r.pendingWhen());
            Expression condition = optionalCondition(ctx, at + ".condition", r.id(), cel, r.condition());
            Map<RuleOutcome, Localized<Template>> messages = new EnumMap<>(RuleOutcome.class);
            messages.put(RuleOutcome.PASS, template(ctx, at + ".messages.pass", r.id(), cel, r.messages().pass()));
            messages.put(RuleOutcome.FAIL, template(ctx, at + ".messages.fail", r.id(), cel, r.messages().fail()));
            if (r.pendingWhen() != null) {
                messages.put(RuleOutcome.PENDING, required(ctx, at + ".messages.pending", r.id(), cel, r.messages().pending(), "pendingWhen"));
            }
            if (r.applicableWhen() != null) {
                messages.put(RuleOutcome.NOT_APPLICABLE, required(ctx, at + ".messages.notApplicable", r.id(), cel,
                        r.messages().notApplicable(), "applicableWhen"));
            }
            messages.values().removeIf(java.util.Objects::isNull);
            rules.add(new RuleSpec(r.id(), Severity.valueOf(r.severity()), new Localized<>(r.title()),
                    new RuleSpec.Source(r.applicableWhen(), r.pendingWhen(), r.condition()),
                    applicable, pending, condition, Map.copyOf(messages), citation(r.citation())));
        }
        return List.copyOf(rules);
    }

    VersionSpec.TrackOpenGrace grace(CompileContext ctx, String path, ExpressionCompiler cel, RuleSetDocument.GraceDocument g) {
        if (g == null) {
            return null;
        }
        OffsetDateTime until = RuleSetCompiler.instant(ctx, path + ".until", g.until());
        Expression pending = optionalCondition(ctx, path + ".pendingWhen", RuleSpec.TRACK_OPEN, cel, g.pendingWhen());
        Expression condition = optionalCondition(ctx, path + ".condition", RuleSpec.TRACK_OPEN, cel, g.condition());
        Map<RuleOutcome, Localized<Template>> messages = new EnumMap<>(RuleOutcome.class);
        messages.put(RuleOutcome.PASS, template(ctx, path + ".messages.pass", RuleSpec.TRACK_OPEN, cel, g.messages().pass()));
        messages.put(RuleOutcome.FAIL, template(ctx, path + ".messages.fail", RuleSpec.TRACK_OPEN, cel, g.messages().fail()));
        if (g.pendingWhen() != null) {
            messages.put(RuleOutcome.PENDING, required(ctx, path + ".messages.pending", RuleSpec.TRACK_OPEN, cel,
                    g.messages().pending(), "pendingWhen"));
        }
        messages.values().removeIf(java.util.Objects::isNull);
        return new VersionSpec.TrackOpenGrace(until, pending, condition, Map.copyOf(messages), citation(g.citation()));
    }

    List<ObligationSpec> obligations(CompileContext ctx, String path, ExpressionCompiler cel, List<ObligationDocument> docs) {
        List<ObligationSpec> obligations = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ObligationDocument o = docs.get(i);
            String at = path + "[" + i + "]";
            if (o.untilDay() != null && o.untilDay() < o.fromDay()) {
                ctx.problem(at + ".untilDay", null, "untilDay " + o.untilDay() + " is before fromDay " + o.fromDay());
            }
            Expression when = optionalCondition(ctx, at + ".when", null, cel, o.when());
            obligations.add(new ObligationSpec(o.code(), o.fromDay(), o.untilDay(), when,
                    template(ctx, at + ".detail", null, cel, o.detail()), citation(o.citation()),
                    Boolean.TRUE.equals(o.warnWhenCutShort())));
        }
        return List.copyOf(obligations);
    }

    private Localized<Template> required(CompileContext ctx, String path, String ruleId, ExpressionCompiler cel,
                                         Map<String, String> texts, String because) {
        if (texts == null) {
            ctx.problem(path, ruleId, "is required because the rule has " + because);
            return null;
        }
        return template(ctx, path, ruleId, cel, texts);
    }

    private Expression optionalCondition(CompileContext ctx, String path, String ruleId, ExpressionCompiler cel, String source) {
        if (source == null) {
            return null;
        }
        CelExpressions.Compiled compiled = cel.condition(source);
        compiled.errors().forEach(e -> ctx.problems().add(new RuleSetProblem(ctx.file(), path, ruleId, e.line(), e.column(), e.message())));
        return compiled.expression();
    }

    /** A message: text with {@code {expression}} placeholders, each compiled as a CEL value. */
    private Localized<Template> template(CompileContext ctx, String path, String ruleId, ExpressionCompiler cel, Map<String, String> texts) {
        Map<String, Template> byLanguage = new LinkedHashMap<>();
        texts.forEach((language, text) -> {
            List<Template.Part> parts = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf('{', i);
                if (open < 0) {
                    parts.add(new Template.Text(text.substring(i)));
                    break;
                }
                int close = text.indexOf('}', open);
                if (close < 0) {
                    ctx.problem(path + "." + language, ruleId, "placeholder opened at character " + (open + 1) + " is not closed");
                    break;
                }
                if (open > i) {
                    parts.add(new Template.Text(text.substring(i, open)));
                }
                String source = text.substring(open + 1, close);
                CelExpressions.Compiled compiled = cel.value(source);
                for (CelExpressions.CompileError e : compiled.errors()) {
                    ctx.problems().add(new RuleSetProblem(ctx.file(), path + "." + language + " {" + source + "}", ruleId,
                            e.line(), e.column(), e.message()));
                }
                parts.add(new Template.Value(source, compiled.expression()));
                i = close + 1;
            }
            byLanguage.put(language, new Template(List.copyOf(parts)));
        });
        return new Localized<>(Map.copyOf(byLanguage));
    }

    static Citation citation(CitationDocument c) {
        return c == null ? null : new Citation(c.title(), c.date(), c.url(), c.paragraph());
    }
}
