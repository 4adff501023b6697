package com.tracklane.track.model;

/** How a rule is presented: a blocking condition of the track, or a requirement the traveller can meet. */
public enum Severity {
    BLOCKING, REQUIREMENT
}
