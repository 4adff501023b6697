package com.tracklane.common;

import java.util.List;

/**
 * Well-formed input that the service cannot act on (e.g. no rule set covers the route): answered with 422. A feature
 * may give the problem its own title and field errors (e.g. every problem of an invalid rule-set version).
 */
public class UnprocessableException extends RuntimeException {

    public static final String DEFAULT_TITLE = "Cannot be processed";

    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public UnprocessableException(String type, String detail) {
        this(type, DEFAULT_TITLE, detail, null);
    }

    /** @param errors the fields at fault, or null for none (the problem then has no {@code errors} member) */
    public UnprocessableException(String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
    }

    /** The last segment of the problem type URI, e.g. {@code no-rule-set}. */
    public String type() {
        return type;
    }

    /** The problem's title. */
    public String title() {
        return title;
    }

    /** The fields at fault, or null. */
    public List<FieldError> errors() {
        return errors;
    }
}
