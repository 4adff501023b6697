package com.tracklane.compliance.model;

/** A test result reported with a check-in. The contract's {@code CheckInRequest.testResult} lists the same names. */
public enum TestResult {
    NEGATIVE,
    POSITIVE
}
