package com.tracklane.eligibility.engine;

import java.time.Instant;

/** One scheduled flight, with both times resolved to instants. */
public record Leg(String flight, Stop from, Stop to, Instant departure, Instant arrival) {
}
