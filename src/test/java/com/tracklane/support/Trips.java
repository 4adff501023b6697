package com.tracklane.support;

import com.tracklane.common.Times;
import com.tracklane.eligibility.engine.Leg;
import com.tracklane.eligibility.engine.Stop;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.reference.Airport;
import com.tracklane.reference.AirportDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds trips for tests: legs with local airport times or times with offsets, and the documents. */
public final class Trips {

    private final List<Leg> legs = new ArrayList<>();
    private final Map<String, Boolean> leavesAirportAt = new HashMap<>();
    private final Map<Integer, Boolean> leavesAirportAfterLeg = new HashMap<>();
    private Trip.Traveller traveller;
    private Trip.PreDepartureTest test;
    private Trip.HealthLog health;
    private Trip.Sponsor sponsor;
    private Trip.Insurance insurance;
    private Trip.Visa visa;
    private Trip.Guarantee guarantee;
    private Trip.ActivitySchedule schedule;

    public static Trips trip() {
        return new Trips();
    }

    public static Stop stop(String iata) {
        Airport a = AirportDirectory.standard().find(iata).orElseThrow();
        return new Stop(a.iata(), a.country(), a.zone());
    }

    /** A leg; each time is local at its airport unless it carries an offset. */
    public Trips leg(String from, String departure, String to, String arrival) {
        Stop f = stop(from);
        Stop t = stop(to);
        legs.add(new Leg("XX" + legs.size(), f, t, Times.parse(departure, f.zone()).orElseThrow(),
                Times.parse(arrival, t.zone()).orElseThrow()));
        return this;
    }

    public Trips leavesAirportAt(String iata) {
        leavesAirportAt.put(iata, true);
        return this;
    }

    /** The traveller leaves the airport at the connection after leg {@code afterLeg} (0-based). */
    public Trips leavesAirportAfterLeg(int afterLeg, boolean leaves) {
        leavesAirportAfterLeg.put(afterLeg, leaves);
        return this;
    }

    public Trips traveller(String nationality, String residence, String status, Boolean coe) {
        traveller = new Trip.Traveller(nationality, residence, status, coe,
                traveller == null ? null : traveller.recentCountries());
        return this;
    }

    /** Countries stayed in during the 14 days before entry (null: not declared). */
    public Trips recentCountries(List<String> countries) {
        Trip.Traveller t = traveller == null ? new Trip.Traveller(null, null, null, null) : traveller;
        traveller = new Trip.Traveller(t.nationality(), t.residenceCountry(), t.statusOfResidence(), t.certificateOfEligibility(),
                countries);
        return this;
    }

    public Trips visa(Trip.VisaKind kind, String issuedOn) {
        visa = new Trip.Visa(kind, issuedOn == null ? null : LocalDate.parse(issuedOn));
        return this;
    }

    /** A test; the sample time is local at the first departure airport unless it carries an offset. */
    public Trips test(Trip.TestMethod method, Trip.Specimen specimen, Trip.TestResult result, String sampledAt) {
        Instant at = Times.parse(sampledAt, legs.get(0).from().zone()).orElseThrow();
        test = new Trip.PreDepartureTest(method, specimen, result, at);
        return this;
    }

    public Trips negativePcr(String sampledAt) {
        return test(Trip.TestMethod.PCR, Trip.Specimen.NASOPHARYNGEAL, Trip.TestResult.NEGATIVE, sampledAt);
    }

    public Trips health(String from, double maxTemperature) {
        health = new Trip.HealthLog(LocalDate.parse(from), maxTemperature);
        return this;
    }

    public Trips sponsor(Trip.SponsorKind kind, String country, Boolean pledgeSigned) {
        sponsor = new Trip.Sponsor(kind, "Example", country, pledgeSigned);
        return this;
    }

    public Trips insurance(Trip.InsuranceKind kind, Double coverageUsd) {
        insurance = new Trip.Insurance(kind, coverageUsd);
        return this;
    }

    public Trips visa(Trip.VisaKind kind) {
        visa = new Trip.Visa(kind);
        return this;
    }

    public Trips guarantee(String issuedOn) {
        guarantee = new Trip.Guarantee(LocalDate.parse(issuedOn));
        return this;
    }

    public Trips schedule(boolean accommodationComplete, int completePlaces, int incompletePlaces) {
        List<Trip.Place> places = new ArrayList<>();
        for (int i = 0; i < completePlaces; i++) {
            places.add(new Trip.Place("Office " + i, "Address " + i, 35.69, 139.70));
        }
        for (int i = 0; i < incompletePlaces; i++) {
            places.add(new Trip.Place("Site " + i, null, null, null));
        }
        Trip.Place accommodation = accommodationComplete ? new Trip.Place("Hotel", "1-1 Marunouchi", 35.68, 139.76)
                : new Trip.Place("Hotel", "1-1 Marunouchi", null, null);
        schedule = new Trip.ActivitySchedule(accommodation, places);
        return this;
    }

    /** Everything a Cambodian intra-company transferee brings for the Resident Track to Japan. */
    public Trips completeResidentKhJp() {
        return traveller("KH", "KH", "INTRA_COMPANY_TRANSFEREE", true)
                .sponsor(Trip.SponsorKind.ORGANISATION, "JP", true)
                .insurance(Trip.InsuranceKind.PRIVATE_MEDICAL, 100000.0);
    }

    public Trip build() {
        return new Trip(null, traveller, List.copyOf(legs), Map.copyOf(leavesAirportAt), Map.copyOf(leavesAirportAfterLeg), test,
                health, sponsor, insurance,
                visa, guarantee, schedule);
    }

    public static Instant instant(String text) {
        return Times.parseWithOffset(text).orElseThrow();
    }
}
