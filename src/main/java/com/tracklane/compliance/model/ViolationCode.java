package com.tracklane.compliance.model;

/** What a monitored traveller did not keep to. */
public enum ViolationCode {
    /** A required local day ended without any check-in. */
    MISSED_CHECK_IN,
    /** A check-in at or above the fever threshold (the rule set's {@code feverThresholdC}, else 37.5 °C). */
    FEVER,
    /** A check-in reporting symptoms. */
    SYMPTOMS,
    /** A check-in reporting a positive test. */
    POSITIVE_TEST,
    /** Public transport on a day with NO_PUBLIC_TRANSPORT or RESTRICTED_MOVEMENT. */
    PUBLIC_TRANSPORT,
    /** Farther than the radius from the quarantine address (QUARANTINE) or from every allowed place (RESTRICTED_MOVEMENT). */
    OUTSIDE_ALLOWED_PLACE,
    /** The re-test day ended without a check-in carrying a test result. */
    MISSED_RETEST,
    /** A departure before release (the last day of QUARANTINE or NO_EXIT). */
    EARLY_EXIT
}
