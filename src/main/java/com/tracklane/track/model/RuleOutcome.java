package com.tracklane.track.model;

/** The result of one rule for one check. */
public enum RuleOutcome {
    PASS, FAIL, PENDING, NOT_APPLICABLE
}
