package com.tracklane.eligibility.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /eligibility/batch}: the contract's {@code BatchRequest}. Its envelope (an array of at most 1,000 checks)
 * is checked against the contract before binding; each check stays JSON, checked on its own, so that a bad check is
 * answered with a problem at its index while the others are decided.
 */
public record BatchRequest(List<JsonNode> checks) {
}
