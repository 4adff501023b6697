package com.tracklane.compliance.model;

/**
 * How a checked-in traveller moved. This enum is the one source of the list: the contract's
 * {@code CheckInRequest.transport} names the same values, and ComplianceContractTest fails when the two differ.
 */
public enum Transport {
    NONE,
    WALK,
    PRIVATE_VEHICLE,
    PUBLIC_TRANSPORT
}
