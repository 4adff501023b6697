package com.tracklane.compliance.rest;

/**
 * {@code POST /compliance/sweeps}: the contract's {@code SweepRequest}, checked against it before binding.
 *
 * @param at the instant to sweep as of, with an offset or Z; null: now
 */
public record SweepRequest(String at) {
}
