package com.tracklane.eligibility.engine;

import java.util.Map;

/** Binds the facts of a check together with a version's parameters ({@code params.<name>}). */
public record RuleBindings(Facts facts, Map<String, Object> parameters) implements Expression.Bindings {

    public static final String PARAMS_PREFIX = "params.";

    @Override
    public Object lookup(String name) {
        if (name.startsWith(PARAMS_PREFIX)) {
            return parameters.get(name.substring(PARAMS_PREFIX.length()));
        }
        return facts.get(name);
    }
}
