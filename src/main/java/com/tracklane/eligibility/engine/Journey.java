package com.tracklane.eligibility.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an itinerary means for the rules: the route, the entry into the destination, the stay and the
 * connections in third countries.
 *
 * @param entryLeg      index of the leg that enters the destination country
 * @param exitLeg       index of the leg that leaves the destination country, or -1 when the stay is open-ended
 * @param stayDays      destination-local departure date minus arrival date, or null when open-ended
 */
public record Journey(
        String origin,
        String destination,
        Leg firstLeg,
        int entryLeg,
        OffsetDateTime entryAt,
        LocalDate entryDate,
        int exitLeg,
        OffsetDateTime exitAt,
        Integer stayDays,
        List<Connection> connections) {

    /**
     * A stop between two legs in a country that is neither the origin nor the destination.
     *
     * @param afterLeg index of the leg that arrives at the connection
     */
    public record Connection(String airport, String country, Instant arrival, Instant departure,
                             boolean leavesAirport, boolean outbound, int afterLeg) {

        /** Leaving the airport, or a connection longer than 24 hours, counts as a stay in the country. */
        public boolean isStay() {
            return leavesAirport || java.time.Duration.between(arrival, departure).compareTo(java.time.Duration.ofHours(24)) > 0;
        }
    }

    public Instant entryInstant() {
        return entryAt.toInstant();
    }

    public Instant firstDeparture() {
        return firstLeg.departure();
    }

    public boolean openEnded() {
        return stayDays == null;
    }

    public LocalDate exitDate() {
        return exitAt == null ? null : exitAt.toLocalDate();
    }
}
