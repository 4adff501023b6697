package com.tracklane.track.model;

/** A compiled, type-checked expression over facts and parameters (CEL in production, anything in tests). */
@FunctionalInterface
public interface Expression {

    /** The prefix under which a version's parameters are bound: {@code params.<name>}. */
    String PARAMS_PREFIX = "params.";

    Object evaluate(Bindings bindings);

    default boolean test(Bindings bindings) {
        return Boolean.TRUE.equals(evaluate(bindings));
    }

    /** Names an expression can read: facts by name, parameters as {@code params.<name>}. */
    interface Bindings {

        /** {@link #deadlineNanos()} when the evaluation has no time budget. */
        long NO_DEADLINE = Long.MIN_VALUE;

        Object lookup(String name);

        /**
         * The {@link System#nanoTime()} by which the check these bindings belong to must be answered; an expression
         * still running then fails. {@link #NO_DEADLINE} when there is none.
         */
        default long deadlineNanos() {
            return NO_DEADLINE;
        }
    }
}
