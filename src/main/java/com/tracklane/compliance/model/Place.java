package com.tracklane.compliance.model;

/** A place a monitored traveller may be at: the quarantine address, the accommodation, a listed place. */
public record Place(String name, String address, double lat, double lon) {
}
