package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Expression;
import com.tracklane.track.model.Localized;
import com.tracklane.track.model.ObligationSpec;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.RuleSpec;
import com.tracklane.track.model.Template;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.model.Wording;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the texts of one version need that does not depend on the trip, computed once per version and language: every
 * message and obligation detail with its literal text and the placeholders that read only the version's parameters
 * already rendered (only the placeholders that read a fact are evaluated per check), and the words of the version's
 * status and start for the built-in {@code TRACK_OPEN}. The texts are exactly those {@link Template#render} gives.
 */
final class PreparedTexts {

    /** Versions are replaced when rule sets are reloaded or drafts dry-run: the cache is emptied when it grows past this. */
    private static final int MAX_CACHED = 512;
    private static final Map<Key, PreparedTexts> CACHE = new ConcurrentHashMap<>();

    private final Map<Template, Prepared> templates;
    private final boolean forPeople;
    private final int edition;
    private final String language;
    /** The status and start of the version as the TRACK_OPEN message shows them. */
    final Object status;
    final Object effectiveFrom;
    /** " Next known change: …" for each later version of the rule set (the one shown depends on knownAt). */
    private final Map<VersionSpec, String> nextChanges = new IdentityHashMap<>();

    private PreparedTexts(RuleSetSpec ruleSet, VersionSpec version, String language) {
        this.forPeople = ruleSet.forPeople();
        this.edition = ruleSet.edition();
        this.language = language;
        this.status = forPeople ? Wording.code(version.status().name(), language) : version.status();
        this.effectiveFrom = forPeople ? Wording.instant(version.effectiveFrom()) : version.effectiveFrom();
        for (VersionSpec next : ruleSet.versions()) {
            if (next.number() > version.number()) {
                nextChanges.put(next, announce(next));
            }
        }
        Map<Template, Prepared> prepared = new IdentityHashMap<>();
        for (RuleSpec rule : version.rules()) {
            rule.messages().values().forEach(m -> prepare(prepared, m, version));
        }
        for (ObligationSpec obligation : version.obligations()) {
            prepare(prepared, obligation.detail(), version);
        }
        if (version.trackOpenGrace() != null) {
            version.trackOpenGrace().messages().values().forEach(m -> prepare(prepared, m, version));
        }
        this.templates = prepared;
    }

    /** The texts of {@code version} of {@code ruleSet} in {@code language}, prepared on first use. */
    static PreparedTexts of(RuleSetSpec ruleSet, VersionSpec version, String language) {
        Key key = new Key(ruleSet, version, language);
        PreparedTexts texts = CACHE.get(key);
        if (texts == null) {
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            texts = new PreparedTexts(ruleSet, version, language);
            CACHE.put(key, texts);
        }
        return texts;
    }

    /** The text that announces {@code next}, a later version of the rule set. */
    String nextChange(VersionSpec next) {
        String text = nextChanges.get(next);
        return text != null ? text : announce(next);
    }

    private String announce(VersionSpec next) {
        return BuiltInTexts.NEXT_CHANGE.in(language).of(
                forPeople ? Wording.code(next.status().name(), language) : next.status(),
                forPeople ? Wording.instant(next.effectiveFrom()) : next.effectiveFrom());
    }

    /** Renders a template of this version for a check, as {@link Template#render(Expression.Bindings, String, boolean)}. */
    String render(Template template, Expression.Bindings bindings) {
        Prepared prepared = templates.get(template);
        if (prepared == null) { // not one of this version's templates: rendered as it is
            return template.render(bindings, language, edition);
        }
        if (prepared.constant != null) {
            return prepared.constant;
        }
        StringBuilder out = new StringBuilder(prepared.length);
        for (Object segment : prepared.segments) {
            if (segment instanceof String text) {
                out.append(text);
            } else {
                Object value = ((Expression) segment).evaluate(bindings);
                out.append(forPeople ? Wording.value(value, language, edition) : Template.format(value));
            }
        }
        return out.toString();
    }

    private void prepare(Map<Template, Prepared> prepared, Localized<Template> localized, VersionSpec version) {
        Template template = localized.in(language);
        if (template != null && !prepared.containsKey(template)) {
            prepared.put(template, prepare(template, version.values()));
        }
    }

    /**
     * Literal text and placeholders that read only parameters become one string; a placeholder that reads a fact, or
     * fails, stays an expression to evaluate per check (so that it fails, or not, exactly as before).
     */
    private Prepared prepare(Template template, Map<String, Object> parameters) {
        List<Object> segments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Template.Part part : template.parts()) {
            if (part instanceof Template.Text literal) {
                text.append(literal.text());
            } else if (part instanceof Template.Value value) {
                String rendered = renderedFromParameters(value.expression(), parameters);
                if (rendered != null) {
                    text.append(rendered);
                } else {
                    if (!text.isEmpty()) {
                        segments.add(text.toString());
                        text.setLength(0);
                    }
                    segments.add(value.expression());
                }
            }
        }
        if (!text.isEmpty()) {
            segments.add(text.toString());
        }
        if (segments.isEmpty()) {
            return new Prepared("", List.of(), 0);
        }
        if (segments.size() == 1 && segments.get(0) instanceof String only) {
            return new Prepared(only, List.of(), only.length());
        }
        int length = segments.stream().mapToInt(s -> s instanceof String t ? t.length() : 16).sum();
        return new Prepared(null, List.copyOf(segments), length);
    }

    /** The placeholder's text when its value depends on nothing but the version's parameters; null otherwise. */
    private String renderedFromParameters(Expression expression, Map<String, Object> parameters) {
        ParametersOnly bindings = new ParametersOnly(parameters);
        try {
            Object value = expression.evaluate(bindings);
            if (bindings.readFact) {
                return null;
            }
            return forPeople ? Wording.value(value, language, edition) : Template.format(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Bindings that serve the parameters and note whether a fact was read (the evaluation is then trip-dependent). */
    private static final class ParametersOnly implements Expression.Bindings {
        private final Map<String, Object> parameters;
        private boolean readFact;

        ParametersOnly(Map<String, Object> parameters) {
            this.parameters = parameters;
        }

        @Override
        public Object lookup(String name) {
            if (name.startsWith(Expression.PARAMS_PREFIX)) {
                return parameters.get(name.substring(Expression.PARAMS_PREFIX.length()));
            }
            readFact = true;
            return null;
        }
    }

    /** A template: either one constant text, or texts (String) and expressions to evaluate (Expression) in order. */
    private record Prepared(String constant, List<Object> segments, int length) {
    }

    /** A version (by identity: versions are immutable and a lookup must not hash a whole version) and a language. */
    private record Key(RuleSetSpec ruleSet, VersionSpec version, String language) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.ruleSet == ruleSet && k.version == version && k.language.equals(language);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(ruleSet) * 31 + System.identityHashCode(version)) * 31 + language.hashCode();
        }
    }
}
