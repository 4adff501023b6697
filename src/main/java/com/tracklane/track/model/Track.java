package com.tracklane.track.model;

/** The two kinds of track the agreement names. */
public enum Track {
    RESIDENT, BUSINESS
}
