package com.tracklane.common;

/** Well-formed input that the service cannot act on (e.g. no rule set covers the route): answered with 422. */
public class UnprocessableException extends RuntimeException {
    private final String type;

    public UnprocessableException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    /** The last segment of the problem type URI, e.g. {@code no-rule-set}. */
    public String type() {
        return type;
    }
}
