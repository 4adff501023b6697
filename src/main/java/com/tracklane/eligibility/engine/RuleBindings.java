package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Expression;
import java.util.Map;

/**
 * Binds the facts of a check together with a version's parameters ({@code params.<name>}), and the deadline of the
 * check ({@link Expression.Bindings#NO_DEADLINE} for none).
 */
public record RuleBindings(Facts facts, Map<String, Object> parameters, long deadlineNanos) implements Expression.Bindings {

    public static final String PARAMS_PREFIX = Expression.PARAMS_PREFIX;

    public RuleBindings(Facts facts, Map<String, Object> parameters) {
        this(facts, parameters, NO_DEADLINE);
    }

    @Override
    public Object lookup(String name) {
        if (name.startsWith(PARAMS_PREFIX)) {
            return parameters.get(name.substring(PARAMS_PREFIX.length()));
        }
        return facts.get(name);
    }
}
