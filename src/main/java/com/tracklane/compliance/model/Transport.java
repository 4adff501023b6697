package com.tracklane.compliance.model;

/** How a checked-in traveller moved. The contract's {@code CheckInRequest.transport} lists the same names (ContractTest). */
public enum Transport {
    NONE,
    WALK,
    PRIVATE_VEHICLE,
    PUBLIC_TRANSPORT
}
