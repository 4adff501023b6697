package com.tracklane.eligibility.engine;

/** The decision for one rule set: any FAIL is NOT_ELIGIBLE, else any PENDING is CONDITIONAL, else ELIGIBLE. */
public enum DecisionOutcome {
    ELIGIBLE, CONDITIONAL, NOT_ELIGIBLE;

    public static DecisionOutcome of(boolean anyFail, boolean anyPending) {
        return anyFail ? NOT_ELIGIBLE : anyPending ? CONDITIONAL : ELIGIBLE;
    }

    /** True when this outcome is strictly better for the traveller than {@code other}. */
    public boolean betterThan(DecisionOutcome other) {
        return ordinal() < other.ordinal();
    }
}
