package com.tracklane.eligibility.engine;

/** The two kinds of track the agreement names. */
public enum Track {
    RESIDENT, BUSINESS
}
