package com.tracklane.intake.rest;

/** The body of {@code POST /api/v1/applications/{id}/withdrawal} (the contract's {@code Withdrawal}), if any. */
public record Withdrawal(String reason) {

    /** No body: a withdrawal without a reason. */
    public static final Withdrawal NONE = new Withdrawal(null);
}
