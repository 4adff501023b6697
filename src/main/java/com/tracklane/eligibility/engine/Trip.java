package com.tracklane.eligibility.engine;

import com.tracklane.track.model.Track;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a traveller tells about one trip, already parsed: instants are instants, codes are known.
 * Every part but {@code legs} may be null (not supplied yet).
 */
public record Trip(
        Track track,
        Traveller traveller,
        List<Leg> legs,
        Map<String, Boolean> leavesAirportAt,
        Map<Integer, Boolean> leavesAirportAfterLeg,
        PreDepartureTest preDepartureTest,
        HealthLog healthMonitoring,
        Sponsor sponsor,
        Insurance insurance,
        Visa visa,
        Guarantee guarantee,
        ActivitySchedule activitySchedule) {

    /** Without connection-specific transits ({@code afterLeg}). */
    public Trip(Track track, Traveller traveller, List<Leg> legs, Map<String, Boolean> leavesAirportAt,
                PreDepartureTest preDepartureTest, HealthLog healthMonitoring, Sponsor sponsor, Insurance insurance,
                Visa visa, Guarantee guarantee, ActivitySchedule activitySchedule) {
        this(track, traveller, legs, leavesAirportAt, Map.of(), preDepartureTest, healthMonitoring, sponsor, insurance,
                visa, guarantee, activitySchedule);
    }

    /**
     * @param recentCountries countries stayed in during the 14 days before entry; null: not declared, empty: none
     */
    public record Traveller(String nationality, String residenceCountry, String statusOfResidence,
                            Boolean certificateOfEligibility, List<String> recentCountries) {

        public Traveller(String nationality, String residenceCountry, String statusOfResidence, Boolean certificateOfEligibility) {
            this(nationality, residenceCountry, statusOfResidence, certificateOfEligibility, null);
        }
    }

    public enum TestMethod { PCR, LAMP, OTHER_NAAT, QUANTITATIVE_ANTIGEN, QUALITATIVE_ANTIGEN, ANTIBODY }

    public enum Specimen { NASOPHARYNGEAL, SALIVA, NASAL, NASOPHARYNGEAL_AND_OROPHARYNGEAL, THROAT }

    public enum TestResult { NEGATIVE, POSITIVE }

    public record PreDepartureTest(TestMethod method, Specimen specimen, TestResult result, Instant sampledAt) {
    }

    public record HealthLog(LocalDate from, Double maxTemperatureC) {
    }

    public enum SponsorKind { ORGANISATION, INDIVIDUAL }

    public record Sponsor(SponsorKind kind, String name, String country, Boolean pledgeSigned) {
    }

    public enum InsuranceKind { PRIVATE_MEDICAL, KH_COVID19_PACKAGE }

    public record Insurance(InsuranceKind kind, Double coverageUsd) {
    }

    public enum VisaKind { EMBASSY, ON_ARRIVAL, E_VISA }

    /** @param issuedOn the date of issue printed on the visa; null when not given */
    public record Visa(VisaKind kind, LocalDate issuedOn) {

        public Visa(VisaKind kind) {
            this(kind, null);
        }
    }

    public record Guarantee(LocalDate issuedOn) {
    }

    public record Place(String name, String address, Double lat, Double lon) {
        public boolean complete() {
            return address != null && !address.isBlank() && lat != null && lon != null;
        }
    }

    public record ActivitySchedule(Place accommodation, List<Place> places) {
    }
}
