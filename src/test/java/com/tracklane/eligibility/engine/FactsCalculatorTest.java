package com.tracklane.eligibility.engine;

import com.tracklane.track.model.*;
import static com.tracklane.support.Trips.instant;
import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.tracklane.support.Trips;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The facts a rule reads, computed from a trip without the service: names, values, CEL types, boundaries. */
class FactsCalculatorTest {

    /** PNH→NRT leaving 2020-09-14 23:50 ICT, arriving 2020-09-15 07:30 JST. */
    private static Trips khJp() {
        return trip().leg("PNH", "2020-09-14T23:50", "NRT", "2020-09-15T07:30");
    }

    /** The same trip with a return leaving Narita at {@code returnDeparture} (JST). */
    private static Trips khJpBack(String returnDeparture) {
        return khJp().leg("NRT", returnDeparture, "PNH", "2100-01-01T00:00Z");
    }

    private static Facts facts(Trips trips) {
        Trip trip = trips.build();
        return FactsCalculator.compute(trip, JourneyAnalyzer.analyze(trip));
    }

    @ParameterizedTest(name = "leaving Narita {0} JST → {1} days, exit {2}")
    @CsvSource({
            "2020-09-28T23:59, 13, 2020-09-28",
            "2020-09-29T00:00, 14, 2020-09-29",
            "2020-09-29T23:59, 14, 2020-09-29",
            "2020-09-30T00:00, 15, 2020-09-30"})
    void stayDaysCountNightsInTheDestinationsLocalDates(String returnDeparture, long days, String exitDate) {
        // 00:00 JST on the 29th is still the 28th in UTC (and in Phnom Penh): the count is Tokyo's, 14 nights.
        Facts f = facts(khJpBack(returnDeparture));
        assertThat(f.get("stayDays")).isEqualTo(days); // a Long: CEL's int
        assertThat(f.get("exitDate")).isEqualTo(exitDate);
        assertThat(f.get("hasReturn")).isEqualTo(true);
    }

    @Test
    void anOpenEndedTripHasNoExitDate() {
        Facts f = facts(khJp());
        assertThat(f.get("hasReturn")).isEqualTo(false);
        assertThat(f.get("stayDays")).isEqualTo(0L);
        assertThat(f.get("exitDate")).isEqualTo("");
        assertThat(f.journey().exitDate()).isNull();
    }

    @Test
    void theEntryIsInTheDestinationsOffsetAndTheFirstDepartureInTheOrigins() {
        Facts f = facts(khJpBack("2020-10-20T10:30"));
        assertThat(f.get("origin")).isEqualTo("KH");
        assertThat(f.get("destination")).isEqualTo("JP");
        assertThat(f.get("entryAt")).isEqualTo("2020-09-15T07:30+09:00");
        assertThat(f.get("entryDate")).isEqualTo("2020-09-15");
        assertThat(f.get("arrivalAirport")).isEqualTo("NRT");
        assertThat(f.get("firstDepartureAt")).isEqualTo("2020-09-14T23:50+07:00");
        assertThat(f.get("firstLeg")).isEqualTo("PNH→NRT");
    }

    @Test
    void theArrivalAirportIsTheOneThatEntersTheDestinationNotTheFirstStop() {
        Facts f = facts(trip().leg("PNH", "2020-09-14T08:00", "BKK", "2020-09-14T09:10")
                .leg("BKK", "2020-09-14T11:00", "KIX", "2020-09-14T19:00"));
        assertThat(f.get("arrivalAirport")).isEqualTo("KIX");
        assertThat(f.get("firstLeg")).isEqualTo("PNH→BKK");
        assertThat(f.get("entryDate")).isEqualTo("2020-09-14");
    }

    @Test
    void everyFactOfTheCatalogueIsBoundEvenForABareTrip() {
        // The catalogue promises that a condition never meets an unbound name.
        assertThat(facts(khJp()).values().keySet()).containsExactlyInAnyOrderElementsOf(FactCatalog.facts().keySet());
    }

    @Test
    void absentOptionalPartsAreFlaggedAndTheirValuesAreEmptyZeroOrFalse() {
        Map<String, Object> f = facts(khJp()).values();
        assertThat(f).containsEntry("hasNationality", false).containsEntry("nationality", "")
                .containsEntry("hasResidenceCountry", false).containsEntry("residenceCountry", "")
                .containsEntry("certificateOfEligibility", false)
                .containsEntry("hasRecentCountries", false).containsEntry("recentCountries", List.of())
                .containsEntry("hasTest", false).containsEntry("testMethod", "").containsEntry("testSampledAt", "")
                .containsEntry("testHoursBeforeDeparture", 0.0)
                .containsEntry("hasHealthLog", false).containsEntry("healthLogDaysBeforeEntry", 0L)
                .containsEntry("hasSponsor", false).containsEntry("hasSponsorCountry", false).containsEntry("pledgeSigned", false)
                .containsEntry("hasInsurance", false).containsEntry("insuranceCoverageUsd", 0.0)
                .containsEntry("hasVisa", false).containsEntry("hasVisaIssuedOn", false).containsEntry("visaIssuedOn", "")
                .containsEntry("hasGuarantee", false).containsEntry("guaranteeAgeDays", 0L)
                .containsEntry("hasActivitySchedule", false).containsEntry("accommodationComplete", false)
                .containsEntry("placesComplete", 0L).containsEntry("placesIncomplete", 0L)
                .containsEntry("outboundConnections", List.of()).containsEntry("openTracks", List.of());
    }

    @Test
    void absentFieldsInsideASuppliedPartAreFlaggedOnTheirOwn() {
        Map<String, Object> f = facts(khJp().traveller("KH", null, null, null)
                .sponsor(Trip.SponsorKind.INDIVIDUAL, null, null)
                .insurance(Trip.InsuranceKind.PRIVATE_MEDICAL, null)
                .visa(Trip.VisaKind.EMBASSY, null)
                .recentCountries(List.of())).values();
        assertThat(f).containsEntry("hasNationality", true).containsEntry("nationality", "KH")
                .containsEntry("hasResidenceCountry", false).containsEntry("certificateOfEligibility", false)
                // An empty list is a declaration (no stay abroad), unlike a list left out.
                .containsEntry("hasRecentCountries", true).containsEntry("recentCountries", List.of())
                .containsEntry("hasSponsor", true).containsEntry("sponsorKind", "INDIVIDUAL")
                .containsEntry("hasSponsorCountry", false).containsEntry("sponsorCountry", "")
                .containsEntry("hasPledgeSigned", false).containsEntry("pledgeSigned", false)
                .containsEntry("hasInsurance", true).containsEntry("insuranceCoverageUsd", 0.0)
                .containsEntry("hasVisa", true).containsEntry("visaKind", "EMBASSY")
                .containsEntry("hasVisaIssuedOn", false).containsEntry("visaIssuedOn", "");
    }

    @Test
    void testHoursAreExactAndCountedToTheFirstLegsScheduledDeparture() {
        // Sampled 72 h 01 min before the 23:50 departure (both Phnom Penh time): 72.0166…, which a 72 h limit refuses.
        Facts f = facts(khJp().negativePcr("2020-09-11T23:49"));
        assertThat((Double) f.get("testHoursBeforeDeparture")).isCloseTo(72.0 + 1 / 60.0, within(1e-9));
        assertThat(f.get("testSampledAt")).isEqualTo("2020-09-11T23:49+07:00");
        assertThat(f.get("testMethod")).isEqualTo("PCR");
        assertThat(f.get("testSpecimen")).isEqualTo("NASOPHARYNGEAL");
        assertThat(f.get("testResult")).isEqualTo("NEGATIVE");

        // A sample given with another offset is the same instant: 72 h exactly.
        assertThat(facts(khJp().negativePcr("2020-09-11T16:50Z")).get("testHoursBeforeDeparture")).isEqualTo(72.0);
    }

    @Test
    void aTestSampledAfterTheDepartureCountsNegativeHoursAndAMissingSpecimenIsEmpty() {
        Facts f = facts(khJp().test(Trip.TestMethod.LAMP, null, Trip.TestResult.NEGATIVE, "2020-09-15T01:20"));
        assertThat(f.get("testHoursBeforeDeparture")).isEqualTo(-1.5);
        assertThat(f.get("testSpecimen")).isEqualTo("");
    }

    @Test
    void documentAgesAreCountedToTheDestinationLocalEntryDate() {
        // The flight leaves on the 14th (Phnom Penh) and lands on the 15th (Tokyo): ages count to the 15th.
        Facts f = facts(khJp().health("2020-09-01", 37.25).guarantee("2020-06-17").visa(Trip.VisaKind.EMBASSY, "2020-09-10"));
        assertThat(f.get("healthLogDaysBeforeEntry")).isEqualTo(14L);
        assertThat(f.get("healthLogFrom")).isEqualTo("2020-09-01");
        assertThat(f.get("healthMaxTemperatureC")).isEqualTo(37.25);
        assertThat(f.get("guaranteeAgeDays")).isEqualTo(90L);
        assertThat(f.get("guaranteeIssuedOn")).isEqualTo("2020-06-17");
        assertThat(f.get("hasVisaIssuedOn")).isEqualTo(true);
        assertThat(f.get("visaIssuedOn")).isEqualTo("2020-09-10");
    }

    @Test
    void onlyOutboundConnectionsAreListedAndOnlyThoseLeftCountAsStays() {
        Facts f = facts(trip().leg("PNH", "2020-09-13T08:00", "BKK", "2020-09-13T09:10")
                .leg("BKK", "2020-09-13T11:00", "HKG", "2020-09-13T15:00")
                .leg("HKG", "2020-09-13T20:00", "NRT", "2020-09-14T01:00")
                .leg("NRT", "2020-10-20T10:30", "SIN", "2020-10-20T17:00")
                .leg("SIN", "2020-10-20T19:00", "PNH", "2020-10-20T20:00")
                .leavesAirportAt("HKG"));
        assertThat(f.get("outboundConnections")).isEqualTo(List.of("BKK", "HKG"));
        assertThat(f.get("outboundStays")).isEqualTo(List.of("HKG"));
        assertThat(f.get("stayDays")).isEqualTo(36L);
    }

    @Test
    void anActivityScheduleCountsCompleteAndIncompletePlaces() {
        Facts f = facts(khJp().schedule(false, 2, 1));
        assertThat(f.get("hasActivitySchedule")).isEqualTo(true);
        assertThat(f.get("accommodationComplete")).isEqualTo(false);
        assertThat(f.get("placesComplete")).isEqualTo(2L);
        assertThat(f.get("placesIncomplete")).isEqualTo(1L);
    }

    private static RuleSetSpec ruleSet(Track track, VersionSpec... versions) {
        return new RuleSetSpec(track.name().toLowerCase() + "-kh-jp", track, "KH", "JP",
                new Localized<>(Map.of("en", track.name())), List.of(versions));
    }

    private static VersionSpec version(int number, String effectiveFrom, String publishedAt, VersionStatus status) {
        return new VersionSpec(number, OffsetDateTime.parse(effectiveFrom), instant(publishedAt), status, null, null,
                Map.of(), Map.of(), List.of(), List.of(), "sha256:" + number);
    }

    @Test
    void openTracksAreThoseOpenAtTheEntryAsKnownThen() {
        RuleSetSpec resident = ruleSet(Track.RESIDENT,
                version(1, "2020-09-08T00:00+09:00", "2020-09-01T00:00Z", VersionStatus.OPEN));
        RuleSetSpec business = ruleSet(Track.BUSINESS,
                version(1, "2020-09-08T00:00+09:00", "2020-09-01T00:00Z", VersionStatus.PLANNED),
                version(2, "2020-09-15T07:30+09:00", "2020-09-10T00:00Z", VersionStatus.OPEN));
        Facts computed = facts(khJp()); // enters at 2020-09-15 07:30 JST, the very minute Business opens
        List<RuleSetSpec> route = List.of(resident, business, resident);

        assertThat(FactsCalculator.withOpenTracks(computed, route, instant("2020-09-09T23:59Z")).get("openTracks"))
                .isEqualTo(List.of("RESIDENT"));
        assertThat(FactsCalculator.withOpenTracks(computed, route, instant("2020-09-10T00:00Z")).get("openTracks"))
                .isEqualTo(List.of("BUSINESS", "RESIDENT"));
        // No version known at all: the track is not open.
        assertThat(FactsCalculator.withOpenTracks(computed, route, instant("2020-08-31T00:00Z")).get("openTracks"))
                .isEqualTo(List.of());
        // The computed facts are left as they were; every other fact is carried over.
        assertThat(computed.get("openTracks")).isEqualTo(List.of());
        assertThat(FactsCalculator.withOpenTracks(computed, route, null).values())
                .hasSameSizeAs(computed.values()).containsEntry("entryDate", "2020-09-15");
    }
}
