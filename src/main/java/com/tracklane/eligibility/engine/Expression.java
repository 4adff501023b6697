package com.tracklane.eligibility.engine;

/** A compiled, type-checked expression over facts and parameters (CEL in production, anything in tests). */
@FunctionalInterface
public interface Expression {

    Object evaluate(Bindings bindings);

    default boolean test(Bindings bindings) {
        return Boolean.TRUE.equals(evaluate(bindings));
    }

    /** Names an expression can read: facts by name, parameters as {@code params.<name>}. */
    interface Bindings {
        Object lookup(String name);
    }
}
