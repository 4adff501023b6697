package com.tracklane.intake.rest;

/** The body of {@code POST /api/v1/applications/{id}/erasure} (the contract's {@code Erasure}): why it is erased. */
public record Erasure(String reason) {
}
