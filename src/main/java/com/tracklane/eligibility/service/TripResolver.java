package com.tracklane.eligibility.service;

import com.tracklane.common.FieldError;
import com.tracklane.common.InvalidInputException;
import com.tracklane.common.Times;
import com.tracklane.eligibility.engine.Leg;
import com.tracklane.eligibility.engine.Stop;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import com.tracklane.reference.CountryCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves airports, countries and times of a request into a {@link Trip}, reporting every bad field at once. */
final class TripResolver {

    private static final String TIME_FORMS = "expected a local airport time such as 2020-09-14T23:50 or a time with an offset such as 2020-09-14T23:50+07:00, in the years 1900-2199";

    private final AirportDirectory airports;

    TripResolver(AirportDirectory airports) {
        this.airports = airports;
    }

    record Resolved(Trip trip, Instant knownAt) {
    }

    Resolved resolve(EligibilityRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();

        Instant knownAt = now;
        if (request.knownAt() != null) {
            Optional<Instant> parsed = Times.parseWithOffset(request.knownAt());
            if (parsed.isEmpty()) {
                errors.add(new FieldError("knownAt", "expected an instant with an offset or Z, such as 2020-09-10T00:00:00Z"));
            } else {
                knownAt = parsed.get();
            }
        }

        List<Leg> legs = new ArrayList<>();
        for (int i = 0; i < request.itinerary().size(); i++) {
            EligibilityRequest.LegInput in = request.itinerary().get(i);
            // The field names are built only for an error (this runs for every leg of every check).
            Airport from = legAirport(errors, i, ".from", in.from());
            Airport to = legAirport(errors, i, ".to", in.to());
            Instant departure = from == null ? null : legTime(errors, i, ".departure", in.departure(), from);
            Instant arrival = to == null ? null : legTime(errors, i, ".arrival", in.arrival(), to);
            if (from != null && to != null && departure != null && arrival != null) {
                legs.add(new Leg(in.flight(), stop(from), stop(to), departure, arrival));
            }
        }

        Map<String, Boolean> leavesAirportAt = new LinkedHashMap<>();
        Map<Integer, Boolean> leavesAirportAfterLeg = new LinkedHashMap<>();
        if (request.transits() != null) {
            for (int i = 0; i < request.transits().size(); i++) {
                EligibilityRequest.TransitInput t = request.transits().get(i);
                if (airport(errors, "transits[" + i + "].airport", t.airport()).isPresent()) {
                    if (t.afterLeg() != null) {
                        // Whether the leg exists and arrives at a connection there is checked against the journey.
                        leavesAirportAfterLeg.merge(t.afterLeg(), Boolean.TRUE.equals(t.leavesAirport()), Boolean::logicalOr);
                    } else {
                        leavesAirportAt.merge(t.airport(), Boolean.TRUE.equals(t.leavesAirport()), Boolean::logicalOr);
                    }
                }
            }
        }

        Trip.PreDepartureTest test = null;
        if (request.preDepartureTest() != null && !request.itinerary().isEmpty()) {
            EligibilityRequest.TestInput t = request.preDepartureTest();
            // A local sample time is taken at the first departure airport.
            Optional<Airport> firstAirport = airports.find(request.itinerary().get(0).from());
            Optional<Instant> sampledAt = firstAirport.flatMap(a -> time(errors, "preDepartureTest.sampledAt", t.sampledAt(), a));
            if (sampledAt.isPresent()) {
                test = new Trip.PreDepartureTest(t.method(), t.specimen(), t.result(), sampledAt.get());
            }
        }

        if (request.traveller() != null) {
            country(errors, "traveller.nationality", request.traveller().nationality());
            country(errors, "traveller.residenceCountry", request.traveller().residenceCountry());
        }
        if (request.sponsor() != null) {
            country(errors, "sponsor.country", request.sponsor().country());
        }

        if (!errors.isEmpty()) {
            throw new InvalidInputException("The eligibility request has " + errors.size() + " invalid field(s).", errors);
        }
        Trip trip = new Trip(request.track(), request.traveller(), List.copyOf(legs), Map.copyOf(leavesAirportAt),
                Map.copyOf(leavesAirportAfterLeg), test,
                request.healthMonitoring(), request.sponsor(), request.insurance(), request.visa(), request.guarantee(),
                request.activitySchedule());
        return new Resolved(trip, knownAt);
    }

    private Airport legAirport(List<FieldError> errors, int leg, String field, String code) {
        Airport airport = code == null ? null : airports.find(code).orElse(null);
        if (airport == null) {
            airport(errors, "itinerary[" + leg + "]" + field, code); // words the error
        }
        return airport;
    }

    private static Instant legTime(List<FieldError> errors, int leg, String field, String text, Airport airport) {
        Optional<Instant> instant = Times.parse(text, airport.zone());
        if (instant.isEmpty()) {
            time(errors, "itinerary[" + leg + "]" + field, text, airport); // words the error
        }
        return instant.orElse(null);
    }

    private Optional<Airport> airport(List<FieldError> errors, String field, String code) {
        Optional<Airport> airport = airports.find(code);
        if (airport.isEmpty()) {
            errors.add(new FieldError(field, "unknown airport '" + code + "' (expected an IATA airport code such as PNH or NRT)"));
        }
        return airport;
    }

    private static Optional<Instant> time(List<FieldError> errors, String field, String text, Airport airport) {
        Optional<Instant> instant = Times.parse(text, airport.zone());
        if (instant.isEmpty()) {
            errors.add(new FieldError(field, "'" + text + "' is not a date-time: " + TIME_FORMS));
        }
        return instant;
    }

    private static void country(List<FieldError> errors, String field, String code) {
        if (code != null && !CountryCodes.isKnown(code)) {
            errors.add(new FieldError(field, "unknown country code '" + code + "' (expected ISO 3166-1 alpha-2, e.g. KH)"));
        }
    }

    private static Stop stop(Airport airport) {
        return new Stop(airport.iata(), airport.country(), airport.zone());
    }
}
