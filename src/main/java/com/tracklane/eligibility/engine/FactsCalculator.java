package com.tracklane.eligibility.engine;

import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link FactCatalog} facts of a trip, once per check. */
public final class FactsCalculator {

    private FactsCalculator() {
    }

    public static Facts compute(Trip trip, Journey journey) {
        return new Facts(journey, Collections.unmodifiableMap(values(trip, journey)));
    }

    /**
     * The facts with {@code openTracks} (as {@link #withOpenTracks}), built in one map: what a check computes once.
     */
    public static Facts compute(Trip trip, Journey journey, List<RuleSetSpec> ruleSetsOfRoute, java.time.Instant knownAt) {
        Map<String, Object> f = values(trip, journey);
        f.put("openTracks", openTracks(journey, ruleSetsOfRoute, knownAt));
        return new Facts(journey, Collections.unmodifiableMap(f));
    }

    private static Map<String, Object> values(Trip trip, Journey journey) {
        Map<String, Object> f = new HashMap<>(128);
        Leg first = journey.firstLeg();
        ZoneId departureZone = first.from().zone();

        f.put("origin", journey.origin());
        f.put("destination", journey.destination());
        f.put("entryAt", journey.entryAt().toString());
        f.put("entryDate", journey.entryDate().toString());
        f.put("arrivalAirport", trip.legs().get(journey.entryLeg()).to().airport());
        f.put("firstDepartureAt", first.departure().atZone(departureZone).toOffsetDateTime().toString());
        f.put("firstLeg", first.from().airport() + "→" + first.to().airport());
        f.put("hasReturn", !journey.openEnded());
        f.put("stayDays", journey.openEnded() ? 0L : (long) journey.stayDays());
        f.put("exitDate", journey.openEnded() ? "" : journey.exitDate().toString());
        List<String> outboundConnections = new ArrayList<>(journey.connections().size());
        List<String> outboundStays = new ArrayList<>(journey.connections().size());
        for (Journey.Connection c : journey.connections()) {
            if (c.outbound()) {
                outboundConnections.add(c.airport());
                if (c.isStay()) {
                    outboundStays.add(c.airport());
                }
            }
        }
        f.put("outboundConnections", List.copyOf(outboundConnections));
        f.put("openTracks", List.of());
        f.put("outboundStays", List.copyOf(outboundStays));

        Trip.Traveller t = trip.traveller();
        putText(f, "Nationality", "nationality", t == null ? null : t.nationality());
        putText(f, "ResidenceCountry", "residenceCountry", t == null ? null : t.residenceCountry());
        putText(f, "StatusOfResidence", "statusOfResidence", t == null ? null : t.statusOfResidence());
        f.put("certificateOfEligibility", t != null && Boolean.TRUE.equals(t.certificateOfEligibility()));
        f.put("hasRecentCountries", t != null && t.recentCountries() != null);
        f.put("recentCountries", t == null || t.recentCountries() == null ? List.of() : List.copyOf(t.recentCountries()));

        Trip.PreDepartureTest test = trip.preDepartureTest();
        f.put("hasTest", test != null);
        f.put("testMethod", test == null ? "" : test.method().name());
        f.put("testSpecimen", test == null || test.specimen() == null ? "" : test.specimen().name());
        f.put("testResult", test == null ? "" : test.result().name());
        f.put("testSampledAt", test == null ? "" : test.sampledAt().atZone(departureZone).toOffsetDateTime().toString());
        f.put("testHoursBeforeDeparture", test == null ? 0.0 : hoursBetween(test.sampledAt(), first.departure()));

        Trip.HealthLog log = trip.healthMonitoring();
        f.put("hasHealthLog", log != null);
        f.put("healthLogFrom", log == null ? "" : log.from().toString());
        f.put("healthLogDaysBeforeEntry", log == null ? 0L : ChronoUnit.DAYS.between(log.from(), journey.entryDate()));
        f.put("healthMaxTemperatureC", log == null ? 0.0 : log.maxTemperatureC());

        Trip.Sponsor sponsor = trip.sponsor();
        f.put("hasSponsor", sponsor != null);
        f.put("sponsorKind", sponsor == null ? "" : sponsor.kind().name());
        putText(f, "SponsorCountry", "sponsorCountry", sponsor == null ? null : sponsor.country());
        f.put("hasPledgeSigned", sponsor != null && sponsor.pledgeSigned() != null);
        f.put("pledgeSigned", sponsor != null && Boolean.TRUE.equals(sponsor.pledgeSigned()));

        Trip.Insurance insurance = trip.insurance();
        f.put("hasInsurance", insurance != null);
        f.put("insuranceKind", insurance == null ? "" : insurance.kind().name());
        f.put("insuranceCoverageUsd", insurance == null || insurance.coverageUsd() == null ? 0.0 : insurance.coverageUsd());

        f.put("hasVisa", trip.visa() != null);
        f.put("visaKind", trip.visa() == null ? "" : trip.visa().kind().name());
        f.put("hasVisaIssuedOn", trip.visa() != null && trip.visa().issuedOn() != null);
        f.put("visaIssuedOn", trip.visa() == null || trip.visa().issuedOn() == null ? "" : trip.visa().issuedOn().toString());

        Trip.Guarantee guarantee = trip.guarantee();
        f.put("hasGuarantee", guarantee != null);
        f.put("guaranteeIssuedOn", guarantee == null ? "" : guarantee.issuedOn().toString());
        f.put("guaranteeAgeDays", guarantee == null ? 0L : ChronoUnit.DAYS.between(guarantee.issuedOn(), journey.entryDate()));

        Trip.ActivitySchedule schedule = trip.activitySchedule();
        List<Trip.Place> places = schedule == null || schedule.places() == null ? List.of() : schedule.places();
        long complete = 0;
        for (Trip.Place place : places) {
            if (place.complete()) {
                complete++;
            }
        }
        f.put("hasActivitySchedule", schedule != null);
        f.put("accommodationComplete", schedule != null && schedule.accommodation() != null && schedule.accommodation().complete());
        f.put("placesComplete", complete);
        f.put("placesIncomplete", places.size() - complete);
        return f;
    }

    /** The same facts with {@code openTracks}: the tracks of the route open at the entry, as known at {@code knownAt}. */
    public static Facts withOpenTracks(Facts facts, List<RuleSetSpec> ruleSetsOfRoute, java.time.Instant knownAt) {
        Map<String, Object> values = new HashMap<>(facts.values());
        values.put("openTracks", openTracks(facts.journey(), ruleSetsOfRoute, knownAt));
        return new Facts(facts.journey(), Collections.unmodifiableMap(values));
    }

    /** The tracks of the route open at the entry, as known at {@code knownAt}: names, sorted, each once. */
    private static List<String> openTracks(Journey journey, List<RuleSetSpec> ruleSetsOfRoute, java.time.Instant knownAt) {
        java.time.Instant entry = journey.entryInstant();
        java.util.TreeSet<String> open = null;
        for (RuleSetSpec r : ruleSetsOfRoute) {
            java.util.Optional<com.tracklane.track.model.VersionSpec> version = r.versionAt(entry, knownAt);
            if (version.isPresent() && version.get().status() == VersionStatus.OPEN) {
                if (open == null) {
                    open = new java.util.TreeSet<>();
                }
                open.add(r.track().name());
            }
        }
        return open == null ? List.of() : List.copyOf(open);
    }

    private static void putText(Map<String, Object> f, String flag, String name, String value) {
        f.put("has" + flag, value != null);
        f.put(name, value == null ? "" : value);
    }

    /** Exact hours (fractional) from {@code from} to {@code to}; negative when {@code from} is later. */
    static double hoursBetween(java.time.Instant from, java.time.Instant to) {
        return Duration.between(from, to).getSeconds() / 3600.0;
    }
}
