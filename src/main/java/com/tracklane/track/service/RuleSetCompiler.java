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

    private static final RuleDocumentCompiler RULES = new RuleDocumentCompiler();

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
        return compile(file, node, checkFrom, null);
    }

    /**
     * Compiles a rule set whose versions' expressions are taken from {@code cache} where it has them (see
     * {@link CompiledRuleCache}); the cache records what it lacked, to be written. Everything else is checked as
     * without it (the schema, inheritance, parameters).
     */
    public RuleSetSpec compile(String file, JsonNode node, CompiledRuleCache cache) {
        return compile(file, node, 0, cache);
    }

    private RuleSetSpec compile(String file, JsonNode node, int checkFrom, CompiledRuleCache cache) {
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
        CompileContext ctx = new CompileContext(file, doc.id(), edition, problems, limits, checkFrom, cache);
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

    /** A version as compiled, with what the next version may inherit. */
    private record Resolved(VersionSpec spec, Map<String, ParameterDocument> parameters, List<RuleDocument> ruleDocs,
                            List<RuleSpec> rules, List<ObligationDocument> obligationDocs, List<ObligationSpec> obligations) {
    }

    private Resolved version(CompileContext ctx, String path, int number, VersionDocument doc, Resolved previous) {
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
        CelExpressions environment = ENVIRONMENTS.computeIfAbsent(Map.copyOf(types), CelExpressions::new);

        boolean ownRules = doc.rules() != null || previous == null;
        boolean ownObligations = doc.obligations() != null || previous == null;
        List<RuleDocument> ruleDocs = ownRules ? (doc.rules() == null ? List.of() : doc.rules()) : previous.ruleDocs();
        List<ObligationDocument> obligationDocs = ownObligations
                ? (doc.obligations() == null ? List.of() : doc.obligations()) : previous.obligationDocs();
        // The content hash names everything the expressions are compiled from: the compiled cache is keyed by it.
        String contentHash = effectiveFrom == null || publishedAt == null ? null
                : sha256(canonical(ctx, number, doc, effectiveFrom, publishedAt, parameters, ruleDocs, obligationDocs));
        CompiledRuleCache.Version cached = ctx.cache() == null || contentHash == null ? null : ctx.cache().version(contentHash, environment);
        ExpressionCompiler cel = cached == null ? environment : cached;

        List<RuleSpec> rules;
        List<ObligationSpec> obligations;
        boolean changedParameters = doc.parameters() != null;
        // Inherited rules and obligations were type-checked against the previous parameters; recheck if they changed.
        if (ownRules) {
            rules = RULES.rules(ctx, path + ".rules", cel, ruleDocs);
        } else {
            rules = changedParameters ? RULES.rules(ctx, path + ".rules(inherited)", cel, ruleDocs) : previous.rules();
        }
        if (ownObligations) {
            obligations = RULES.obligations(ctx, path + ".obligations", cel, obligationDocs);
        } else {
            obligations = changedParameters ? RULES.obligations(ctx, path + ".obligations(inherited)", cel, obligationDocs) : previous.obligations();
        }
        if (ctx.problems().size() == problemsBefore && ctx.limits() != null && number > ctx.checkFrom()) {
            Map<String, Object> parameterValues = VersionSpec.valuesOf(values);
            RuleSetLimitsCheck.parameterLimits(ctx, path, ctx.limits(), parameterValues);
            String rulesPath = path + (doc.rules() != null || previous == null ? ".rules" : ".rules(inherited)");
            for (int i = 0; i < rules.size(); i++) {
                RuleSpec r = rules.get(i);
                String at = rulesPath + "[" + i + "]";
                RuleSetLimitsCheck.cost(ctx, at + ".applicableWhen", r.id(), r.applicableWhen(), parameterValues);
                RuleSetLimitsCheck.cost(ctx, at + ".pendingWhen", r.id(), r.pendingWhen(), parameterValues);
                RuleSetLimitsCheck.cost(ctx, at + ".condition", r.id(), r.condition(), parameterValues);
                r.messages().forEach((outcome, message) -> RuleSetLimitsCheck.cost(ctx, at + ".messages." + RuleSetLimitsCheck.MESSAGE_KEYS.get(outcome), r.id(),
                        message, parameterValues));
            }
            String obligationsPath = path + (doc.obligations() != null || previous == null ? ".obligations" : ".obligations(inherited)");
            for (int i = 0; i < obligations.size(); i++) {
                ObligationSpec o = obligations.get(i);
                RuleSetLimitsCheck.cost(ctx, obligationsPath + "[" + i + "].when", null, o.when(), parameterValues);
                RuleSetLimitsCheck.cost(ctx, obligationsPath + "[" + i + "].detail", null, o.detail(), parameterValues);
            }
        }
        VersionSpec.TrackOpenGrace grace = RULES.grace(ctx, path + ".trackOpenGrace", cel, doc.trackOpenGrace());
        if (cached != null) {
            cached.finish(ctx.problems().size() == problemsBefore);
        }
        if (ctx.problems().size() > problemsBefore) {
            return null;
        }
        VersionSpec spec = new VersionSpec(number, effectiveFrom, publishedAt.toInstant(), VersionStatus.valueOf(doc.status()),
                doc.note() == null ? null : new Localized<>(doc.note()), RuleDocumentCompiler.citation(doc.citation()), Map.copyOf(values),
                VersionSpec.valuesOf(values), rules, obligations, contentHash, grace);
        return new Resolved(spec, parameters, ruleDocs, rules, obligationDocs, obligations);
    }

    private static Map<String, Object> canonical(CompileContext ctx, int number, VersionDocument doc, OffsetDateTime effectiveFrom,
                                                 OffsetDateTime publishedAt, Map<String, ParameterDocument> parameters,
                                                 List<RuleDocument> ruleDocs, List<ObligationDocument> obligationDocs) {
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
        return canonical;
    }

    static OffsetDateTime instant(CompileContext ctx, String path, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            ctx.problem(path, null, "must be a date-time with an offset, e.g. 2020-09-08T00:00+09:00");
            return null;
        }
    }

    private static Object parameterValue(CompileContext ctx, String path, FactType type, Object value) {
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

    private static String sha256(Object canonical) {
        try {
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
