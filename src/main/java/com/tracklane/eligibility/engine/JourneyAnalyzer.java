package com.tracklane.eligibility.engine;

import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the route, entry, stay and connections from the legs of an itinerary.
 *
 * <p>The legs are grouped into visits (time spent in one country between crossing into it and leaving it).
 * The origin is the country of the first departure. The destination is the visit, before the traveller is
 * back in the origin country, with the longest time on the ground (an open-ended visit is the longest): a
 * stop on the way, in a third country, never changes the route.
 */
public final class JourneyAnalyzer {

    private static final Duration NO_LIMIT = Duration.ofDays(365L * 1000);

    private JourneyAnalyzer() {
    }

    private record Visit(String country, int entryLeg, int exitLeg, Duration onGround) {
    }

    public static Journey analyze(List<Leg> legs, Map<String, Boolean> leavesAirportAt) {
        return analyze(legs, leavesAirportAt, Map.of());
    }

    /** The journey of a trip, with what it declares per airport and per connection. */
    public static Journey analyze(Trip trip) {
        return analyze(trip.legs(), trip.leavesAirportAt(), trip.leavesAirportAfterLeg());
    }

    /**
     * @param leavesAirportAt       per airport: applies to every connection there
     * @param leavesAirportAfterLeg per connection, by the index of the leg that arrives at it: applies to that
     *                              connection only, and wins over the airport's declaration
     */
    public static Journey analyze(List<Leg> legs, Map<String, Boolean> leavesAirportAt, Map<Integer, Boolean> leavesAirportAfterLeg) {
        checkLegs(legs);
        String origin = legs.get(0).from().country();
        List<Visit> visits = visits(legs);

        Visit destination = null;
        for (Visit visit : visits) {
            if (visit.country().equals(origin)) {
                break;
            }
            if (destination == null || visit.onGround().compareTo(destination.onGround()) >= 0) {
                destination = visit;
            }
        }
        if (destination == null) {
            throw InvalidInputException.of("itinerary", "the itinerary never leaves " + origin);
        }

        Leg entry = legs.get(destination.entryLeg());
        OffsetDateTime entryAt = entry.arrival().atZone(entry.to().zone()).toOffsetDateTime();
        OffsetDateTime exitAt = null;
        Integer stayDays = null;
        if (destination.exitLeg() >= 0) {
            Leg exit = legs.get(destination.exitLeg());
            exitAt = exit.departure().atZone(exit.from().zone()).toOffsetDateTime();
            stayDays = (int) ChronoUnit.DAYS.between(entryAt.toLocalDate(), exitAt.toLocalDate());
        }

        List<Journey.Connection> connections = connections(legs, origin, destination, leavesAirportAt, leavesAirportAfterLeg);
        return new Journey(origin, destination.country(), legs.get(0), destination.entryLeg(), entryAt,
                entryAt.toLocalDate(), destination.exitLeg(), exitAt, stayDays, connections);
    }

    private static void checkLegs(List<Leg> legs) {
        if (legs == null || legs.isEmpty()) {
            throw InvalidInputException.of("itinerary", "at least one leg is required");
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            String at = "itinerary[" + i + "]";
            if (leg.from().airport().equals(leg.to().airport())) {
                errors.add(new FieldError(at + ".to", "the leg arrives at the airport it departs from (" + leg.from().airport() + ")"));
            }
            if (!leg.arrival().isAfter(leg.departure())) {
                errors.add(new FieldError(at + ".arrival", "arrival " + leg.arrival() + " is not after departure " + leg.departure()
                        + " (both as UTC instants)"));
            }
            if (i > 0) {
                Leg previous = legs.get(i - 1);
                if (!leg.from().country().equals(previous.to().country())) {
                    errors.add(new FieldError(at + ".from", "the leg departs from " + leg.from().airport() + " (" + leg.from().country()
                            + ") but the previous leg arrives at " + previous.to().airport() + " (" + previous.to().country() + ")"));
                }
                if (leg.departure().isBefore(previous.arrival())) {
                    errors.add(new FieldError(at + ".departure", "the leg departs before the previous leg arrives"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The itinerary is not a possible journey.", errors);
        }
    }

    private static List<Visit> visits(List<Leg> legs) {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            String country = leg.to().country();
            if (country.equals(leg.from().country())) {
                continue; // a domestic leg stays within the current visit
            }
            int exit = -1;
            for (int j = i + 1; j < legs.size(); j++) {
                if (!legs.get(j).to().country().equals(country)) {
                    exit = j;
                    break;
                }
            }
            Duration onGround = exit < 0 ? NO_LIMIT : Duration.between(leg.arrival(), legs.get(exit).departure());
            visits.add(new Visit(country, i, exit, onGround));
        }
        return visits;
    }

    private static List<Journey.Connection> connections(List<Leg> legs, String origin, Visit destination,
                                                        Map<String, Boolean> leavesAirportAt,
                                                        Map<Integer, Boolean> leavesAirportAfterLeg) {
        Map<String, Boolean> declared = leavesAirportAt == null ? Map.of() : leavesAirportAt;
        Map<Integer, Boolean> perConnection = leavesAirportAfterLeg == null ? Map.of() : leavesAirportAfterLeg;
        List<Journey.Connection> connections = new ArrayList<>();
        for (int i = 0; i + 1 < legs.size(); i++) {
            Leg in = legs.get(i);
            Leg out = legs.get(i + 1);
            String country = in.to().country();
            if (country.equals(origin) || country.equals(destination.country())) {
                continue;
            }
            // Changing airports (arrive BKK, leave DMK) means leaving the airport, whatever was declared.
            Boolean said = perConnection.containsKey(i) ? perConnection.get(i) : declared.get(in.to().airport());
            boolean leaves = Boolean.TRUE.equals(said) || !in.to().airport().equals(out.from().airport());
            connections.add(new Journey.Connection(in.to().airport(), country, in.arrival(), out.departure(), leaves,
                    i + 1 <= destination.entryLeg(), i));
        }
        return connections;
    }

    /** The connection after leg {@code afterLeg}, if the itinerary connects there. */
    public static java.util.Optional<Journey.Connection> connectionAfter(Journey journey, int afterLeg) {
        return journey.connections().stream().filter(c -> c.afterLeg() == afterLeg).findFirst();
    }

    /** The airports at which the itinerary connects, in order, without repetition. */
    public static List<String> connectionAirports(Journey journey) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        journey.connections().forEach(c -> seen.put(c.airport(), Boolean.TRUE));
        return List.copyOf(seen.keySet());
    }
}
