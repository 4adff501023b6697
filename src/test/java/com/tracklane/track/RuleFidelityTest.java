package com.tracklane.track;

import static com.tracklane.support.ShippedRuleSets.evaluate;
import static com.tracklane.support.ShippedRuleSets.result;
import static com.tracklane.support.Trips.instant;
import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.support.Trips;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.VersionStatus;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rule sets at the boundaries of "Clarifications, round 2" (issue 14), each named like its rule. */
class RuleFidelityTest {

    /** PNH→NRT arriving at {@code arrival} (JST unless an offset is given), back on 2021-03-01. */
    private static Trips khJp(String arrival) {
        return trip().leg("PNH", "2021-01-01T00:00+07:00", "NRT", arrival).leg("NRT", "2021-03-01T10:30", "PNH", "2021-03-01T15:00")
                .completeResidentKhJp();
    }

    /** NRT→PNH entering on {@code entry} (Cambodia date) at 13:30, back after 20 nights. */
    private static Trips jpKh(String entry) {
        java.time.LocalDate date = java.time.LocalDate.parse(entry);
        return trip().leg("NRT", date + "T09:00", "PNH", date + "T13:30").leg("PNH", date.plusDays(20) + "T22:00", "NRT", date.plusDays(21) + "T06:00");
    }

    @Nested
    class VisaGraceAfterTheSuspension {

        @ParameterizedTest(name = "entry {0} → {1}")
        @CsvSource({"2021-01-20T23:59+09:00, PASS", "2021-01-20T21:59+07:00, PASS", "2021-01-21T00:00+09:00, FAIL",
                "2021-01-20T22:00+07:00, FAIL"})
        void shouldAdmitAnIssuedResidenceTrackVisaUntil21January0000Jst(String arrival, RuleOutcome expected) {
            Evaluation e = evaluate("resident-kh-jp", khJp(arrival).visa(Trip.VisaKind.EMBASSY, "2021-01-12").recentCountries(List.of()));
            assertThat(e.version().number()).isEqualTo(5);
            assertThat(e.version().status()).isEqualTo(VersionStatus.SUSPENDED);
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "visa issued {0} → {1}")
        @CsvSource({"2021-01-13, PASS", "2021-01-14, FAIL"})
        void shouldAdmitOnlyVisasIssuedBefore14January(String issuedOn, RuleOutcome expected) {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-18T07:30").visa(Trip.VisaKind.EMBASSY, issuedOn).recentCountries(List.of("TH")));
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(expected);
            if (expected == RuleOutcome.FAIL) {
                assertThat(result(e, "TRACK_OPEN").message()).contains("issued on 2021-01-14").contains("before 2021-01-14");
            }
        }

        @Test
        void shouldRefuseTheGraceAfterAStayInTheUnitedKingdomWithin14Days() {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-18T07:30").visa(Trip.VisaKind.EMBASSY, "2021-01-10")
                    .recentCountries(List.of("TH", "GB")));
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(result(e, "TRACK_OPEN").message()).contains("A stay in the United Kingdom in the 14 days")
                    .doesNotContain("Thailand").doesNotContain("GB");
        }

        @Test
        void shouldRefuseTheGraceToAVisaNotFromAJapaneseMission() {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-18T07:30").visa(Trip.VisaKind.E_VISA, "2021-01-10").recentCountries(List.of()));
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(result(e, "TRACK_OPEN").message()).contains("e-visa").doesNotContain("E_VISA");
        }

        @Test
        void shouldBePendingUntilTheVisaDateAndRecentCountriesAreGiven() {
            Evaluation.RuleResult noDate = result(evaluate("resident-kh-jp", khJp("2021-01-18T07:30").visa(Trip.VisaKind.EMBASSY, null)
                    .recentCountries(List.of())), "TRACK_OPEN");
            assertThat(noDate.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(noDate.message()).contains("date of issue").contains("2021-01-21 00:00 JST").doesNotContain("countries stayed in");
            assertThat(noDate.deadline()).hasToString("2021-01-01T00:00+07:00");
            Evaluation.RuleResult noCountries = result(evaluate("resident-kh-jp", khJp("2021-01-18T07:30")
                    .visa(Trip.VisaKind.EMBASSY, "2021-01-10")), "TRACK_OPEN");
            assertThat(noCountries.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(noCountries.message()).contains("countries stayed in during the 14 days before entry").contains("none may be the United Kingdom or South Africa");
        }

        @Test
        void shouldGiveNoGraceOnTheBusinessTrack() {
            Evaluation e = evaluate("business-kh-jp", trip().leg("PNH", "2021-01-15T23:50", "NRT", "2021-01-16T07:30")
                    .leg("NRT", "2021-01-20T10:30", "PNH", "2021-01-20T15:00").visa(Trip.VisaKind.EMBASSY, "2021-01-10").recentCountries(List.of()));
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(RuleOutcome.FAIL);
        }

        @Test
        void shouldNotKnowTheGraceBeforeTheSuspensionWasAnnounced() {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-18T07:30").visa(Trip.VisaKind.EMBASSY, "2021-01-12"),
                    instant("2021-01-12T00:00+09:00"), "en");
            assertThat(e.version().number()).isEqualTo(4);
            assertThat(e.results()).allSatisfy(r -> assertThat(r.message()).doesNotContain("2021-01-21").doesNotContain("suspended"));
        }
    }

    @Nested
    class ArrivalTest {

        @ParameterizedTest(name = "entry {0} → version {1}, airport test {2}")
        @CsvSource({"2021-01-08T23:59+09:00, 2, false", "2021-01-08T21:59+07:00, 2, false", "2021-01-09T00:00+09:00, 3, true",
                "2021-01-08T22:00+07:00, 3, true"})
        void shouldTestAtTheAirportForEntriesFrom9January0000Jst(String arrival, int version, boolean tested) {
            Evaluation e = evaluate("resident-kh-jp", khJp(arrival));
            assertThat(e.version().number()).isEqualTo(version);
            assertThat(e.obligations().stream().anyMatch(o -> o.code().equals("ARRIVAL_TEST"))).isEqualTo(tested);
            if (tested) {
                assertThat(e.obligations()).filteredOn(o -> o.code().equals("ARRIVAL_TEST")).singleElement()
                        .satisfies(o -> {
                            assertThat(o.from()).hasToString("2021-01-09");
                            assertThat(o.until()).hasToString("2021-01-09");
                            assertThat(o.detail()).contains("arrival airport");
                        });
            }
        }

        @Test
        void shouldNotKnowTheArrivalTestBeforeItWasDecided() {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-10T07:30"), instant("2021-01-07T00:00+09:00"), "en");
            assertThat(e.version().number()).isEqualTo(2);
            assertThat(e.obligations()).noneMatch(o -> o.code().equals("ARRIVAL_TEST"));
        }
    }

    @Nested
    class SponsoredTravellersToCambodia {

        @ParameterizedTest(name = "entry {0}, guarantee {1} → insurance {2}, deposit {3}, designated facility {4}")
        @CsvSource({
                "2020-12-11, 2020-12-01, NOT_APPLICABLE, false, false",
                "2020-12-12, 2020-12-01, PENDING, true, true",
                "2020-12-11, , PENDING, true, false",
                "2020-09-20, 2020-09-01, NOT_APPLICABLE, false, false",
                "2020-09-20, 2020-08-20, PENDING, true, false",
                "2020-11-20, 2020-11-10, NOT_APPLICABLE, false, false",
                "2020-08-03, 2020-08-01, PENDING, true, false"})
        void shouldExemptSponsoredTravellersFromInsuranceAndDepositUntil11December(String entry, String guarantee,
                                                                                   RuleOutcome insurance, boolean deposit, boolean designated) {
            Trips trips = jpKh(entry);
            if (guarantee != null) {
                trips.guarantee(guarantee);
            }
            Evaluation e = evaluate("resident-jp-kh", trips);
            assertThat(result(e, "MEDICAL_INSURANCE").outcome()).isEqualTo(insurance);
            assertThat(e.obligations().stream().anyMatch(o -> o.code().equals("DEPOSIT"))).isEqualTo(deposit);
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("QUARANTINE")).singleElement()
                    .satisfies(o -> assertThat(o.detail()).matches(designated ? ".*(designated hotel|designated by the Ministry).*" : ".*residence or hotel.*"));
            if (insurance == RuleOutcome.NOT_APPLICABLE) {
                assertThat(result(e, "MEDICAL_INSURANCE").message()).contains("Sponsored traveller").contains(guarantee);
            }
        }

        @Test
        void shouldQuarantineEveryoneAtADesignatedFacilityFrom12December() {
            Evaluation e = evaluate("resident-jp-kh", jpKh("2020-12-12").guarantee("2020-12-10"));
            assertThat(e.version().number()).isEqualTo(3);
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("QUARANTINE")).singleElement()
                    .satisfies(o -> {
                        assertThat(o.detail()).contains("designated by the Ministry of Health, sponsored or not");
                        assertThat(o.until()).hasToString("2020-12-25");
                    });
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("DEPOSIT")).singleElement()
                    .satisfies(o -> assertThat(o.detail()).contains("USD 2,000"));
        }
    }

    @Nested
    class WrittenPledge {

        @Test
        void shouldBePendingUntilTheReceivingOrganisationHasSigned() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", khJp("2021-01-02T07:30")
                    .sponsor(Trip.SponsorKind.ORGANISATION, "JP", false)), "WRITTEN_PLEDGE");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(r.message()).contains("to be signed by the receiving organisation before departure on 2021-01-01 00:00 ICT");
        }

        @Test
        void shouldNotLeaveAnEmptyCountryInTheMessage() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", khJp("2021-01-02T07:30")
                    .sponsor(Trip.SponsorKind.ORGANISATION, null, true)), "WRITTEN_PLEDGE");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(r.message()).contains("Give the country of the receiving organisation").doesNotContain("not .");
        }
    }

    @Nested
    class Routing {

        /** PNH→BKK→NRT (airside), then NRT→BKK, a night in Bangkok, BKK→PNH. */
        private Trips bangkokRoundTrip() {
            return trip().leg("PNH", "2020-10-01T08:00", "BKK", "2020-10-01T09:10").leg("BKK", "2020-10-01T10:30", "NRT", "2020-10-01T18:40")
                    .leg("NRT", "2020-11-10T11:00", "BKK", "2020-11-10T16:00").leg("BKK", "2020-11-11T09:00", "PNH", "2020-11-11T10:10");
        }

        @Test
        void shouldFailWhenTheNightOutsideBangkokIsDeclaredForTheAirport() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", bangkokRoundTrip().leavesAirportAt("BKK")), "ROUTING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.FAIL);
        }

        @Test
        void shouldPassWhenTheNightOutsideBangkokIsDeclaredForTheReturnConnection() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", bangkokRoundTrip().leavesAirportAfterLeg(2, true)), "ROUTING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PASS);
            assertThat(r.message()).isEqualTo("Airside connection at BKK, arriving at NRT.");
        }

        @Test
        void shouldLetAConnectionDeclarationWinOverTheAirportDeclaration() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", bangkokRoundTrip().leavesAirportAt("BKK").leavesAirportAfterLeg(0, false)),
                    "ROUTING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PASS);
        }
    }
}
