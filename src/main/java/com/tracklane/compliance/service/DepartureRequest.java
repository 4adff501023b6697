package com.tracklane.compliance.service;

/** {@code POST /applications/{id}/departure}: the contract's {@code DepartureRequest}, checked against it before binding. */
public record DepartureRequest(String departedAt, String airport) {
}
