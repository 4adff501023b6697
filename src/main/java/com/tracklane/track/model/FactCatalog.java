package com.tracklane.track.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts a rule may use, with their types. Rule conditions are type-checked against this catalogue;
 * the engine's {@code FactsCalculator} binds every one of them for every check, so a condition never meets an unbound name.
 * Absent request parts are flagged by a {@code has…} fact; the corresponding values are then empty (""),
 * zero or false. Dates are ISO strings ({@code 2020-09-15}), so they compare correctly as strings.
 */
public final class FactCatalog {

    private static final Map<String, Fact> FACTS = new LinkedHashMap<>();

    /** A fact's name, type and meaning (the meaning is served with the rule sets). */
    public record Fact(String name, FactType type, String description) {
    }

    private static void fact(String name, FactType type, String description) {
        FACTS.put(name, new Fact(name, type, description));
    }

    static {
        fact("origin", FactType.STRING, "country of the first departure (ISO 3166-1 alpha-2)");
        fact("destination", FactType.STRING, "country where the outbound journey ends");
        fact("entryAt", FactType.STRING, "scheduled arrival of the leg entering the destination, with the destination's offset");
        fact("entryDate", FactType.DATE, "destination-local date of entry");
        fact("arrivalAirport", FactType.STRING, "IATA code of the airport where the traveller enters the destination");
        fact("firstDepartureAt", FactType.STRING, "scheduled departure of the first leg, with the departure airport's offset");
        fact("firstLeg", FactType.STRING, "the first leg, e.g. PNH→NRT");
        fact("hasReturn", FactType.BOOL, "the itinerary leaves the destination again");
        fact("stayDays", FactType.INT, "destination-local departure date minus entry date (0 when open-ended)");
        fact("exitDate", FactType.DATE, "destination-local date of the departure from the destination (\"\" when open-ended)");
        fact("outboundConnections", FactType.STRING_LIST, "third-country connection airports before the entry");
        fact("openTracks", FactType.STRING_LIST, "tracks of the route (RESIDENT, BUSINESS) whose version in force at the entry is OPEN, among those known");
        fact("outboundStays", FactType.STRING_LIST, "outbound connections that count as a stay (airport left, or longer than 24 h)");

        fact("hasNationality", FactType.BOOL, "traveller.nationality was supplied");
        fact("nationality", FactType.STRING, "traveller.nationality");
        fact("hasResidenceCountry", FactType.BOOL, "traveller.residenceCountry was supplied");
        fact("residenceCountry", FactType.STRING, "traveller.residenceCountry");
        fact("hasStatusOfResidence", FactType.BOOL, "traveller.statusOfResidence was supplied");
        fact("statusOfResidence", FactType.STRING, "traveller.statusOfResidence");
        fact("certificateOfEligibility", FactType.BOOL, "traveller.certificateOfEligibility is true");
        fact("hasRecentCountries", FactType.BOOL, "traveller.recentCountries was supplied (an empty list declares no stay abroad)");
        fact("recentCountries", FactType.STRING_LIST, "traveller.recentCountries: countries stayed in during the 14 days before entry");

        fact("hasTest", FactType.BOOL, "a pre-departure test was supplied");
        fact("testMethod", FactType.STRING, "preDepartureTest.method");
        fact("testSpecimen", FactType.STRING, "preDepartureTest.specimen");
        fact("testResult", FactType.STRING, "preDepartureTest.result");
        fact("testSampledAt", FactType.STRING, "sample collection, with the first departure airport's offset");
        fact("testHoursBeforeDeparture", FactType.DOUBLE, "hours from sample collection to the first leg's scheduled departure (negative when after)");

        fact("hasHealthLog", FactType.BOOL, "a health-monitoring log was supplied");
        fact("healthLogFrom", FactType.DATE, "first day of the temperature log");
        fact("healthLogDaysBeforeEntry", FactType.INT, "days from the log's first day to the destination-local entry date");
        fact("healthMaxTemperatureC", FactType.DOUBLE, "highest temperature in the log (°C)");

        fact("hasSponsor", FactType.BOOL, "a sponsor was supplied");
        fact("sponsorKind", FactType.STRING, "sponsor.kind (ORGANISATION or INDIVIDUAL)");
        fact("hasSponsorCountry", FactType.BOOL, "sponsor.country was supplied");
        fact("sponsorCountry", FactType.STRING, "sponsor.country");
        fact("hasPledgeSigned", FactType.BOOL, "sponsor.pledgeSigned was supplied");
        fact("pledgeSigned", FactType.BOOL, "sponsor.pledgeSigned");

        fact("hasInsurance", FactType.BOOL, "insurance was supplied");
        fact("insuranceKind", FactType.STRING, "insurance.kind");
        fact("insuranceCoverageUsd", FactType.DOUBLE, "insurance.coverageUsd (0 when not given)");

        fact("hasVisa", FactType.BOOL, "a visa was supplied");
        fact("visaKind", FactType.STRING, "visa.kind");
        fact("hasVisaIssuedOn", FactType.BOOL, "visa.issuedOn was supplied");
        fact("visaIssuedOn", FactType.DATE, "visa.issuedOn (a date, compared with the destination's dates)");

        fact("hasGuarantee", FactType.BOOL, "a sponsor's payment guarantee was supplied");
        fact("guaranteeIssuedOn", FactType.DATE, "guarantee.issuedOn");
        fact("guaranteeAgeDays", FactType.INT, "destination-local entry date minus guarantee.issuedOn, in days");

        fact("hasActivitySchedule", FactType.BOOL, "an activity schedule was supplied");
        fact("accommodationComplete", FactType.BOOL, "the accommodation has an address and coordinates");
        fact("placesComplete", FactType.INT, "places of business with an address and coordinates");
        fact("placesIncomplete", FactType.INT, "places of business missing an address or coordinates");
    }

    private FactCatalog() {
    }

    public static Map<String, Fact> facts() {
        return java.util.Collections.unmodifiableMap(FACTS);
    }
}
