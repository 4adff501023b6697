package com.tracklane.compliance.service;

/** {@code POST /applications/{id}/arrival}: the contract's {@code ArrivalRequest}, checked against it before binding. */
public record ArrivalRequest(String arrivedAt, String airport, QuarantineAddress quarantineAddress) {

    public record QuarantineAddress(String address, Double lat, Double lon) {
    }
}
