package com.tracklane.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request, named by its path in the body (e.g. {@code itinerary[0].from}). For a rule-set
 * version, also the rule concerned and the position (1-based line and column) within its CEL expression.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, String ruleId, Integer line, Integer column) {

    public FieldError(String field, String message) {
        this(field, message, null, null, null);
    }
}
