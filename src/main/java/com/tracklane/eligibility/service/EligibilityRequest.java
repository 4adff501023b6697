package com.tracklane.eligibility.service;

import com.tracklane.eligibility.engine.Trip;
import com.tracklane.track.model.Track;
import java.util.List;

/**
 * A check as it arrives over HTTP (after validation against the contract's schema). Times are still text:
 * a flight time is local to its airport unless it carries an offset.
 */
public record EligibilityRequest(
        Track track,
        String knownAt,
        Trip.Traveller traveller,
        List<LegInput> itinerary,
        List<TransitInput> transits,
        TestInput preDepartureTest,
        Trip.HealthLog healthMonitoring,
        Trip.Sponsor sponsor,
        Trip.Insurance insurance,
        Trip.Visa visa,
        Trip.Guarantee guarantee,
        Trip.ActivitySchedule activitySchedule) {

    public record LegInput(String flight, String from, String to, String departure, String arrival) {
    }

    /** @param afterLeg the 0-based index of the leg that arrives at the connection; null: every connection at the airport */
    public record TransitInput(String airport, Boolean leavesAirport, Integer afterLeg) {
    }

    public record TestInput(Trip.TestMethod method, Trip.Specimen specimen, Trip.TestResult result, String sampledAt) {
    }
}
