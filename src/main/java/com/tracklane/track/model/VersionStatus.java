package com.tracklane.track.model;

/** Status of a rule-set version: only {@code OPEN} admits travellers. */
public enum VersionStatus {
    PLANNED, OPEN, SUSPENDED, CLOSED
}
