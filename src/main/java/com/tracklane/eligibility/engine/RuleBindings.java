package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Expression;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds the facts of a check together with a version's parameters ({@code params.<name>}), and the deadline of the
 * check ({@link Expression.Bindings#NO_DEADLINE} for none).
 */
public record RuleBindings(Facts facts, Map<String, Object> parameters, long deadlineNanos,
                           Map<String, Object> prefixed) implements Expression.Bindings {

    public static final String PARAMS_PREFIX = Expression.PARAMS_PREFIX;

    /** Parameters are replaced with their versions: the cache is emptied when it grows past this. */
    private static final int MAX_CACHED = 512;
    private static final Map<Parameters, Map<String, Object>> PREFIXED = new ConcurrentHashMap<>();

    public RuleBindings(Facts facts, Map<String, Object> parameters) {
        this(facts, parameters, NO_DEADLINE);
    }

    public RuleBindings(Facts facts, Map<String, Object> parameters, long deadlineNanos) {
        this(facts, parameters, deadlineNanos, prefixed(parameters));
    }

    @Override
    public Object lookup(String name) {
        if (name.startsWith(PARAMS_PREFIX)) {
            return prefixed.get(name);
        }
        return facts.get(name);
    }

    /**
     * The parameters by the names expressions read them ({@code params.<name>}), made once per parameters map (a
     * version's): a lookup then neither cuts nor hashes a new name.
     */
    private static Map<String, Object> prefixed(Map<String, Object> parameters) {
        Parameters key = new Parameters(parameters);
        Map<String, Object> prefixed = PREFIXED.get(key);
        if (prefixed == null) {
            if (PREFIXED.size() >= MAX_CACHED) {
                PREFIXED.clear();
            }
            Map<String, Object> made = new HashMap<>(parameters.size() * 2);
            parameters.forEach((name, value) -> made.put(PARAMS_PREFIX + name, value));
            prefixed = Collections.unmodifiableMap(made);
            PREFIXED.put(key, prefixed);
        }
        return prefixed;
    }

    /** A parameters map by identity (a version's map is immutable; hashing it whole per check would cost more). */
    private record Parameters(Map<String, Object> map) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Parameters p && p.map == map;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(map);
        }
    }
}
