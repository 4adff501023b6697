package com.tracklane.track.service;

import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.tracklane.common.JsonSchemaCheck;
import com.tracklane.track.service.RuleSetDocument.CitationDocument;
import com.tracklane.track.service.RuleSetDocument.ObligationDocument;
import com.tracklane.track.service.RuleSetDocument.ParameterDocument;
import com.tracklane.track.service.RuleSetDocument.RuleDocument;
import com.tracklane.track.service.RuleSetDocument.VersionDocument;
import com.tracklane.track.model.Citation;
import com.tracklane.track.model.Expression;
import com.tracklane.track.model.FactType;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Severity;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.Track;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.model.VersionStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a rule-set file into a {@link RuleSetSpec}: parse, validate against {@code openapi/ruleset.schema.json},
 * resolve version inheritance, type-check every CEL expression. Every problem is collected; any problem refuses
 * the whole file.
 */
public final class RuleSetCompiler {

    public static final String SCHEMA_RESOURCE = "openapi/ruleset.schema.json";

    /** A key written twice is refused, not silently replaced by its last value. */
    public static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final JsonSchemaCheck SCHEMA = JsonSchemaCheck.of(SCHEMA_RESOURCE, "");
    /** One CEL environment per set of parameter types: versions and rule sets that declare the same share it. */
    private static final Map<Map<String, FactType>, CelExpressions> ENVIRONMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final CelExpressions.Limits limits;

    /** A compiler for what is already accepted (shipped files, published versions): the runtime limits protect it. */
    public RuleSetCompiler() {
        this(null);
    }

    /**
     * A compiler that also refuses, in the versions {@link #compile(String, JsonNode, int) it is asked to check},
     * an expression whose estimated cost is over {@code limits} and a parameter over the size limits (drafts).
     */
    public RuleSetCompiler(CelExpressions.Limits limits) {
        this.limits = limits;
    }

    /** Parses YAML (a superset of JSON) and compiles it. */
    public RuleSetSpec compile(String file, String text) {
        JsonNode node;
        try {
            node = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new RuleSetLoadException(List.of(new RuleSetProblem(file, "(file)", null,
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "not valid YAML: " + com.tracklane.common.Messages.sanitize(e.getOriginalMessage()))));
        }
        return compile(file, node);
    }

    public RuleSetSpec compile(String file, JsonNode node) {
        return compile(file, node, 0);
    }

    /**
     * Compiles a rule set; with limits, the versions from index {@code checkFrom} on (0-based) are also checked
     * against them (the earlier ones were accepted before, under the limits of their time).
     */
    public RuleSetSpec compile(String file, JsonNode node, int checkFrom) {
        if (node == null || !node.isObject()) {
            throw new RuleSetLoadException(List.of(new RuleSetProblem(file, "(file)", null, 0, 0, "the file is empty or not an object")));
        }
        List<RuleSetProblem> problems = new ArrayList<>();
        SCHEMA.validate(node).forEach(e -> problems.add(new RuleSetProblem(file, e.field(), null, 0, 0, e.message())));
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(problems);
        }
        RuleSetDocument doc = CANONICAL.convertValue(node, RuleSetDocument.class);
        int edition = doc.edition() == null ? 1 : doc.edition();
        Context ctx = new Context(file, doc.id(), edition, problems, limits, checkFrom);
        List<VersionSpec> versions = new ArrayList<>();
        Resolved previous = null;
        for (int i = 0; i < doc.versions().size(); i++) {
            Resolved resolved = version(ctx, "versions[" + i + "]", i + 1, doc.versions().get(i), previous);
            if (resolved == null) {
                break; // the following versions inherit from a broken one: their errors would only repeat
            }
            versions.add(resolved.spec());
            previous = resolved;
        }
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(problems);
        }
        return new RuleSetSpec(doc.id(), Track.valueOf(doc.track()), doc.origin(), doc.destination(),
                new Localized<>(doc.title()), versions, edition);
    }

    private record Context(String file, String ruleSetId, int edition, List<RuleSetProblem> problems, CelExpressions.Limits limits,
                           int checkFrom) {
        void problem(String path, String ruleId, String message) {
            problems.add(new RuleSetProblem(file, path, ruleId, 0, 0, message));
        }
    }

    /** A version as compiled, with what the next version may inherit. */
    private record Resolved(VersionSpec spec, Map<String, ParameterDocument> parameters, List<RuleDocument> ruleDocs,
                            List<RuleSpec> rules, List<ObligationDocument> obligationDocs, List<ObligationSpec> obligations) {
    }

    private Resolved version(Context ctx, String path, int number, VersionDocument doc, Resolved previous) {
        int problemsBefore = ctx.problems().size();
        if (doc.version() != null && doc.version() != number) {
            ctx.problem(path + ".version", null, "versions are numbered from 1 in effective order: expected " + number + ", found " + doc.version());
        }
        OffsetDateTime effectiveFrom = instant(ctx, path + ".effectiveFrom", doc.effectiveFrom());
        OffsetDateTime publishedAt = doc.publishedAt() == null ? effectiveFrom : instant(ctx, path + ".publishedAt", doc.publishedAt());
        if (effectiveFrom != null && previous != null && !effectiveFrom.isAfter(previous.spec().effectiveFrom())) {
            ctx.problem(path + ".effectiveFrom", null, "must be after the previous version's effectiveFrom "
                    + previous.spec().effectiveFrom());
        }
        if (previous == null && (doc.rules() == null || doc.obligations() == null)) {
            ctx.problem(path, null, "the first version must give its rules and obligations");
        }

        Map<String, ParameterDocument> parameters = new LinkedHashMap<>(previous == null ? Map.of() : previous.parameters());
        Map<String, FactType> types = new LinkedHashMap<>();
        Map<String, VersionSpec.ParameterValue> values = new LinkedHashMap<>();
        if (doc.parameters() != null) {
            doc.parameters().forEach((name, p) -> {
                ParameterDocument before = parameters.get(name);
                if (before != null && !before.type().equals(p.type())) {
                    ctx.problem(path + ".parameters." + name + ".type", null,
                            "a parameter keeps its type across versions: was " + before.type() + ", now " + p.type());
                }
                parameters.put(name, p);
            });
        }
        parameters.forEach((name, p) -> {
            FactType type = FactType.fromName(p.type());
            types.put(name, type);
            Object value = parameterValue(ctx, path + ".parameters." + name + ".value", type, p.value());
            if (value != null) {
                values.put(name, new VersionSpec.ParameterValue(type, value));
            }
        });
        CelExpressions cel = ENVIRONMENTS.computeIfAbsent(Map.copyOf(types), CelExpressions::new);

        List<RuleDocument> ruleDocs;
        List<RuleSpec> rules;
        boolean changedParameters = doc.parameters() != null;
        if (doc.rules() != null || previous == null) {
            ruleDocs = doc.rules() == null ? List.of() : doc.rules();
            rules = rules(ctx, path + ".rules", cel, ruleDocs);
        } else {
            ruleDocs = previous.ruleDocs();
            // Inherited rules were type-checked against the previous parameters; recheck if parameters changed.
            rules = changedParameters ? rules(ctx, path + ".rules(inherited)", cel, ruleDocs) : previous.rules();
        }
        List<ObligationDocument> obligationDocs;
        List<ObligationSpec> obligations;
        if (doc.obligations() != null || previous == null) {
            obligationDocs = doc.obligations() == null ? List.of() : doc.obligations();
            obligations = obligations(ctx, path + ".obligations", cel, obligationDocs);
        } else {
            obligationDocs = previous.obligationDocs();
            obligations = changedParameters ? obligations(ctx, path + ".obligations(inherited)", cel, obligationDocs) : previous.obligations();
        }
        if (ctx.problems().size() == problemsBefore && ctx.limits() != null && number > ctx.checkFrom()) {
            Map<String, Object> parameterValues = VersionSpec.valuesOf(values);
            parameterLimits(ctx, path, ctx.limits(), parameterValues);
            String rulesPath = path + (doc.rules() != null || previous == null ? ".rules" : ".rules(inherited)");
            for (int i = 0; i < rules.size(); i++) {
                RuleSpec r = rules.get(i);
                String at = rulesPath + "[" + i + "]";
                cost(ctx, at + ".applicableWhen", r.id(), r.applicableWhen(), parameterValues);
                cost(ctx, at + ".pendingWhen", r.id(), r.pendingWhen(), parameterValues);
                cost(ctx, at + ".condition", r.id(), r.condition(), parameterValues);
                r.messages().forEach((outcome, message) -> cost(ctx, at + ".messages." + MESSAGE_KEYS.get(outcome), r.id(),
                        message, parameterValues));
            }
            String obligationsPath = path + (doc.obligations() != null || previous == null ? ".obligations" : ".obligations(inherited)");
            for (int i = 0; i < obligations.size(); i++) {
                ObligationSpec o = obligations.get(i);
                cost(ctx, obligationsPath + "[" + i + "].when", null, o.when(), parameterValues);
                cost(ctx, obligationsPath + "[" + i + "].detail", null, o.detail(), parameterValues);
            }
        }
        VersionSpec.TrackOpenGrace grace = grace(ctx, path + ".trackOpenGrace", cel, doc.trackOpenGrace());
        if (ctx.problems().size() > problemsBefore) {
            return null;
        }

        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("ruleSet", ctx.ruleSetId());
        canonical.put("version", number);
        canonical.put("effectiveFrom", effectiveFrom.toString());
        canonical.put("publishedAt", publishedAt.toString());
        canonical.put("status", doc.status());
        canonical.put("parameters", parameters);
        canonical.put("rules", ruleDocs);
        canonical.put("obligations", obligationDocs);
        // Edition 1 hashes stay as they were (stored decisions name them); later editions render differently.
        if (ctx.edition() > 1) {
            canonical.put("edition", ctx.edition());
        }
        if (doc.trackOpenGrace() != null) {
            canonical.put("trackOpenGrace", doc.trackOpenGrace());
        }
        VersionSpec spec = new VersionSpec(number, effectiveFrom, publishedAt.toInstant(), VersionStatus.valueOf(doc.status()),
                doc.note() == null ? null : new Localized<>(doc.note()), citation(doc.citation()), Map.copyOf(values),
                VersionSpec.valuesOf(values), rules, obligations, sha256(canonical), grace);
        return new Resolved(spec, parameters, ruleDocs, rules, obligationDocs, obligations);
    }

    private static final Map<RuleOutcome, String> MESSAGE_KEYS = Map.of(RuleOutcome.PASS, "pass", RuleOutcome.FAIL, "fail",
            RuleOutcome.PENDING, "pending", RuleOutcome.NOT_APPLICABLE, "notApplicable");

    /** A parameter text or list over the size limits: a rule could not even read it without building too much. */
    private static void parameterLimits(Context ctx, String path, CelExpressions.Limits limits, Map<String, Object> values) {
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
    private static void cost(Context ctx, String path, String ruleId, Expression expression, Map<String, Object> parameters) {
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

    private static void cost(Context ctx, String path, String ruleId, Localized<Template> message, Map<String, Object> parameters) {
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

    private List<RuleSpec> rules(Context ctx, String path, CelExpressions cel, List<RuleDocument> docs) {
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

    private VersionSpec.TrackOpenGrace grace(Context ctx, String path, CelExpressions cel, RuleSetDocument.GraceDocument g) {
        if (g == null) {
            return null;
        }
        OffsetDateTime until = instant(ctx, path + ".until", g.until());
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

    private List<ObligationSpec> obligations(Context ctx, String path, CelExpressions cel, List<ObligationDocument> docs) {
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

    private Localized<Template> required(Context ctx, String path, String ruleId, CelExpressions cel,
                                         Map<String, String> texts, String because) {
        if (texts == null) {
            ctx.problem(path, ruleId, "is required because the rule has " + because);
            return null;
        }
        return template(ctx, path, ruleId, cel, texts);
    }

    private Expression optionalCondition(Context ctx, String path, String ruleId, CelExpressions cel, String source) {
        if (source == null) {
            return null;
        }
        CelExpressions.Compiled compiled = cel.condition(source);
        compiled.errors().forEach(e -> ctx.problems().add(new RuleSetProblem(ctx.file(), path, ruleId, e.line(), e.column(), e.message())));
        return compiled.expression();
    }

    /** A message: text with {@code {expression}} placeholders, each compiled as a CEL value. */
    private Localized<Template> template(Context ctx, String path, String ruleId, CelExpressions cel, Map<String, String> texts) {
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

    private static OffsetDateTime instant(Context ctx, String path, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            ctx.problem(path, null, "must be a date-time with an offset, e.g. 2020-09-08T00:00+09:00");
            return null;
        }
    }

    private static Object parameterValue(Context ctx, String path, FactType type, Object value) {
        try {
            return switch (type) {
                case INT -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : fail(value, "an integer");
                case DOUBLE -> value instanceof Number n ? n.doubleValue() : fail(value, "a number");
                case BOOL -> value instanceof Boolean b ? b : fail(value, "true or false");
                case STRING -> value instanceof String s ? s : fail(value, "a string");
                case DATE -> value instanceof String s ? LocalDate.parse(s).toString() : fail(value, "a date (YYYY-MM-DD)");
                case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                        ? List.copyOf(list.stream().map(String.class::cast).toList()) : fail(value, "a list of strings");
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            ctx.problem(path, null, e.getMessage());
            return null;
        }
    }

    private static Object fail(Object value, String expected) {
        throw new IllegalArgumentException("must be " + expected + ", found " + value);
    }

    private static Citation citation(CitationDocument c) {
        return c == null ? null : new Citation(c.title(), c.date(), c.url(), c.paragraph());
    }

    private static String sha256(Object canonical) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
