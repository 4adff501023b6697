package com.tracklane.intake.rest;

import com.tracklane.intake.model.ReviewAction;

/**
 * An officer's decision, the body of {@code POST /api/v1/applications/{id}/decision} (the contract's
 * {@code ReviewDecision}: an action other than WITHDRAW, an optional reason, an optional override).
 */
public record ReviewDecision(ReviewAction action, String reason, Boolean override) {

    /** Whether the officer approves although the current evaluation is NOT_ELIGIBLE. */
    public boolean overriding() {
        return Boolean.TRUE.equals(override);
    }
}
