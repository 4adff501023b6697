package com.tracklane.track;

import static com.tracklane.support.ShippedRuleSets.evaluate;
import static com.tracklane.support.ShippedRuleSets.result;
import static com.tracklane.support.Trips.instant;
import static com.tracklane.support.Trips.trip;
import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.eligibility.engine.DecisionOutcome;
import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.support.Trips;
import com.tracklane.track.model.RuleOutcome;
import com.tracklane.track.model.VersionStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped rule sets at every boundary the spec names, in both time forms where times matter. */
class RuleBoundariesTest {

    /** PNH→NRT arriving at {@code arrival} (local JST unless an offset is given), back after {@code nights}. */
    private static Trips khJp(String departure, String arrival, String returnDeparture) {
        return trip().leg("PNH", departure, "NRT", arrival).leg("NRT", returnDeparture, "PNH", "2100-01-01T00:00Z");
    }

    private static Trips khJpStay(int nights) {
        return trip().leg("PNH", "2020-10-01T23:50", "NRT", "2020-10-02T07:30")
                .leg("NRT", java.time.LocalDate.of(2020, 10, 2).plusDays(nights) + "T10:30", "PNH",
                        java.time.LocalDate.of(2020, 10, 2).plusDays(nights) + "T15:00");
    }

    private static Trips jpKhStay(String entryDate, int nights) {
        java.time.LocalDate entry = java.time.LocalDate.parse(entryDate);
        return trip().leg("NRT", entry + "T09:00", "PNH", entry + "T13:30")
                .leg("PNH", entry.plusDays(nights) + "T22:00", "NRT", entry.plusDays(nights + 1) + "T06:00");
    }

    @Nested
    class StayLength {

        @ParameterizedTest(name = "resident-kh-jp, {0} nights → {1}")
        @CsvSource({"13, FAIL", "14, FAIL", "15, PASS"})
        void shouldNeedMoreThan14DaysOnTheResidentTrack(int nights, RuleOutcome expected) {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(nights)), "STAY_LONGER_THAN_14_DAYS").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "business-kh-jp, {0} nights → {1}")
        @CsvSource({"13, PASS", "14, FAIL", "15, FAIL"})
        void shouldNeedLessThan14DaysOnTheBusinessTrack(int nights, RuleOutcome expected) {
            assertThat(result(evaluate("business-kh-jp", khJpStay(nights)), "STAY_SHORTER_THAN_14_DAYS").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "business-jp-kh, {0} nights → {1}")
        @CsvSource({"13, PASS", "14, PASS", "15, FAIL"})
        void shouldAdmitAtMost14DaysInCambodiasBusinessLane(int nights, RuleOutcome expected) {
            assertThat(result(evaluate("business-jp-kh", jpKhStay("2020-11-20", nights)), "STAY_AT_MOST_14_DAYS").outcome()).isEqualTo(expected);
        }

        @Test
        void shouldExplainThatAStayOfExactly14DaysIsInNeitherTrack() {
            Evaluation.RuleResult resident = result(evaluate("resident-kh-jp", khJpStay(14)), "STAY_LONGER_THAN_14_DAYS");
            Evaluation.RuleResult business = result(evaluate("business-kh-jp", khJpStay(14)), "STAY_SHORTER_THAN_14_DAYS");
            // The Business Track never opened for Cambodia: the Resident Track's message does not suggest it; the
            // Resident Track was open on 2020-10-02, so the Business Track's message does suggest that one.
            assertThat(resident.message()).contains("Stay of 14 days").contains("neither track").contains("15 days or more")
                    .doesNotContain("Business Track").doesNotContain("13 days or less");
            assertThat(business.message()).contains("neither track").contains("13 days or less").contains("15 days or more for the Resident Track");
        }

        @Test
        void shouldNotClaimThatFourteenDaysIsInNeitherTrackForCambodiaNorForbidLeavingOnTheDayOfRelease() {
            Evaluation.RuleResult fourteen = result(evaluate("resident-jp-kh", jpKhStay("2020-10-10", 14)), "STAY_LONGER_THAN_14_DAYS");
            assertThat(fourteen.message()).contains("Extend the stay to 15 days or more").doesNotContain("neither track")
                    .doesNotContain("quarantine");
            Evaluation.RuleResult ten = result(evaluate("resident-jp-kh", jpKhStay("2020-10-10", 10)), "STAY_LONGER_THAN_14_DAYS");
            assertThat(ten.message()).contains("before their release from quarantine on day 14, 2020-10-24");
        }

        @Test
        void shouldCountAnOpenEndedStayAsLongerThanAnyLimitAndFailAnyRuleThatNeedsAReturn() {
            Trips oneWay = trip().leg("PNH", "2020-10-01T23:50", "NRT", "2020-10-02T07:30");
            assertThat(result(evaluate("resident-kh-jp", oneWay), "STAY_LONGER_THAN_14_DAYS").outcome()).isEqualTo(RuleOutcome.PASS);
            assertThat(result(evaluate("business-kh-jp", oneWay), "STAY_SHORTER_THAN_14_DAYS").outcome()).isEqualTo(RuleOutcome.FAIL);
        }
    }

    @Nested
    class TrackStatus {

        @ParameterizedTest(name = "resident-kh-jp entry {0} → v{1} {2}")
        @CsvSource({
                "2020-09-07T23:59+09:00, 1, PLANNED",
                "2020-09-07T21:59+07:00, 1, PLANNED",
                "2020-09-08T00:00+09:00, 2, OPEN",
                "2020-09-07T22:00+07:00, 2, OPEN",
                "2021-01-08T23:59+09:00, 2, OPEN",
                "2021-01-09T00:00+09:00, 3, OPEN",
                "2021-01-12T23:59+09:00, 3, OPEN",
                "2021-01-13T00:00+09:00, 4, OPEN",
                "2021-01-13T23:59+09:00, 4, OPEN",
                "2021-01-13T21:59+07:00, 4, OPEN",
                "2021-01-14T00:00+09:00, 5, SUSPENDED",
                "2021-01-13T22:00+07:00, 5, SUSPENDED",
                "2020-08-01T10:00+09:00, 1, PLANNED"})
        void shouldUseTheVersionInForceAtTheEntryInstant(String arrival, int version, VersionStatus status) {
            Evaluation e = evaluate("resident-kh-jp", khJp("2020-07-01T00:00+07:00", arrival, "2021-03-01T10:00"));
            assertThat(e.version().number()).isEqualTo(version);
            assertThat(e.version().status()).isEqualTo(status);
            // Nothing is said about the visa, so the grace after the suspension leaves TRACK_OPEN pending.
            assertThat(result(e, "TRACK_OPEN").outcome()).isEqualTo(status == VersionStatus.OPEN ? RuleOutcome.PASS
                    : version == 5 ? RuleOutcome.PENDING : RuleOutcome.FAIL);
        }

        @ParameterizedTest(name = "business-jp-kh entry {0} → {1}")
        @CsvSource({
                "2020-11-17T23:59+07:00, PLANNED",
                "2020-11-18T00:00+07:00, OPEN",
                "2020-11-18T02:00+09:00, OPEN",
                "2020-12-11T23:59+07:00, OPEN",
                "2020-12-12T00:00+07:00, CLOSED",
                "2020-12-12T02:00+09:00, CLOSED"})
        void shouldOpenAndCloseCambodiasBusinessLaneAtItsInstants(String arrival, VersionStatus status) {
            Trips trips = trip().leg("NRT", "2020-11-01T09:00", "PNH", arrival).leg("PNH", "2021-01-01T10:00", "NRT", "2021-01-01T18:00");
            assertThat(evaluate("business-jp-kh", trips).version().status()).isEqualTo(status);
        }

        @Test
        void shouldKeepTheBusinessTrackToJapanPlannedUntilItsSuspension() {
            assertThat(evaluate("business-kh-jp", khJpStay(7)).version().status()).isEqualTo(VersionStatus.PLANNED);
            Evaluation suspended = evaluate("business-kh-jp", khJp("2021-01-13T23:00+07:00", "2021-01-14T07:00", "2021-01-20T10:00"));
            assertThat(suspended.version().status()).isEqualTo(VersionStatus.SUSPENDED);
            assertThat(result(suspended, "TRACK_OPEN").message()).contains("suspended").doesNotContain("SUSPENDED");
        }

        @Test
        void shouldStillEvaluateEveryOtherRuleWhenTheTrackIsNotOpen() {
            Evaluation e = evaluate("business-kh-jp", khJpStay(7));
            assertThat(e.results()).extracting(Evaluation.RuleResult::ruleId).contains("TRACK_OPEN", "STAY_SHORTER_THAN_14_DAYS",
                    "NATIONALITY_AND_RESIDENCE", "WRITTEN_PLEDGE", "ACTIVITY_SCHEDULE", "HEALTH_MONITORING", "PRE_DEPARTURE_TEST",
                    "ROUTING", "MEDICAL_INSURANCE");
            assertThat(result(e, "STAY_SHORTER_THAN_14_DAYS").outcome()).isEqualTo(RuleOutcome.PASS);
            assertThat(e.outcome()).isEqualTo(DecisionOutcome.NOT_ELIGIBLE);
        }

        @Test
        void shouldIgnoreVersionsPublishedAfterKnownAt() {
            Trips afterSuspension = khJp("2021-01-19T23:50", "2021-01-20T07:30", "2021-03-01T10:00");
            assertThat(evaluate("resident-kh-jp", afterSuspension, instant("2021-01-05T00:00Z"), "en").version().number()).isEqualTo(2);
            assertThat(evaluate("resident-kh-jp", afterSuspension, instant("2021-01-10T00:00Z"), "en").version().number()).isEqualTo(4);
            assertThat(evaluate("resident-kh-jp", afterSuspension, instant("2021-01-13T00:00+09:00"), "en").version().number()).isEqualTo(5);
        }
    }

    @Nested
    class PreDepartureTest {

        /** Under v3 (test required): departure from PNH 2021-01-13 10:00 ICT, arriving the same evening. */
        private Trips v3(String sampledAt) {
            return khJp("2021-01-13T10:00", "2021-01-13T18:00", "2021-03-01T10:00").negativePcr(sampledAt);
        }

        @ParameterizedTest(name = "sample {0} → {1}")
        @CsvSource({
                "2021-01-10T10:00, PASS",
                "2021-01-10T10:00+07:00, PASS",
                "2021-01-10T12:00+09:00, PASS",
                "2021-01-10T03:00Z, PASS",
                "2021-01-10T09:59, FAIL",
                "2021-01-10T11:59+09:00, FAIL",
                "2021-01-13T09:59, PASS",
                "2021-01-13T10:00, FAIL",
                "2021-01-13T10:01, FAIL"})
        void shouldAcceptASampleAtMost72HoursBeforeTheFirstLegDeparture(String sampledAt, RuleOutcome expected) {
            assertThat(result(evaluate("resident-kh-jp", v3(sampledAt)), "PRE_DEPARTURE_TEST").outcome()).isEqualTo(expected);
        }

        @Test
        void shouldFailWhenSampleIsTakenMoreThan72HoursBeforeFirstLegDeparture() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", v3("2021-01-10T09:59")), "PRE_DEPARTURE_TEST");
            assertThat(r.message()).isEqualTo("Sample taken 72 h 1 min before the scheduled departure of PNH→NRT; the limit is 72 h.");
        }

        @Test
        void shouldMeasureFromTheFirstLegNotTheLegIntoJapan() {
            Trips viaBangkok = trip().leg("PNH", "2021-01-13T08:00", "BKK", "2021-01-13T09:10")
                    .leg("BKK", "2021-01-13T11:00", "NRT", "2021-01-13T19:00")
                    .leg("NRT", "2021-03-01T10:00", "PNH", "2021-03-01T15:00")
                    .negativePcr("2021-01-13T10:00"); // in Bangkok, after leaving Phnom Penh, before the flight to Japan
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", viaBangkok), "PRE_DEPARTURE_TEST");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(r.message()).contains("after the scheduled departure of PNH→BKK");
        }

        @Test
        void shouldBeNotApplicableForEntriesBeforeTheVersionThatAddsIt() {
            Evaluation e = evaluate("resident-kh-jp", khJp("2021-01-11T23:50", "2021-01-12T07:30", "2021-03-01T10:00"));
            assertThat(result(e, "PRE_DEPARTURE_TEST").outcome()).isEqualTo(RuleOutcome.NOT_APPLICABLE);
            // Replayed before the 8 January 2021 decision, nothing may speak of it.
            assertThat(evaluate("resident-kh-jp", khJp("2021-01-11T23:50", "2021-01-12T07:30", "2021-03-01T10:00"),
                    instant("2021-01-05T00:00Z"), "en").results()).allSatisfy(r -> assertThat(r.message()).doesNotContain("2021-01-13"));
            assertThat(result(e, "PRE_DEPARTURE_TEST").message()).doesNotContain("2021-01-13").contains("entry ban");
        }

        @Test
        void shouldBePendingWithTheWindowAndDeadlineWhenNoTestIsGiven() {
            Trips noTest = khJp("2021-01-13T10:00", "2021-01-13T18:00", "2021-03-01T10:00");
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", noTest), "PRE_DEPARTURE_TEST");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(r.message()).contains("between 2021-01-10 10:00 ICT and 2021-01-13 10:00 ICT");
            assertThat(r.deadline()).hasToString("2021-01-13T10:00+07:00");
        }

        @ParameterizedTest(name = "{0} / {1} → {2}")
        @CsvSource({
                "PCR, THROAT, FAIL",
                "PCR, SALIVA, PASS",
                "LAMP, NASAL, PASS",
                "QUANTITATIVE_ANTIGEN, NASOPHARYNGEAL, PASS",
                "QUALITATIVE_ANTIGEN, NASOPHARYNGEAL, FAIL",
                "ANTIBODY, NASOPHARYNGEAL, FAIL"})
        void shouldAcceptJapansMethodsAndSpecimens(Trip.TestMethod method, Trip.Specimen specimen, RuleOutcome expected) {
            Trips trips = khJp("2021-01-13T10:00", "2021-01-13T18:00", "2021-03-01T10:00")
                    .test(method, specimen, Trip.TestResult.NEGATIVE, "2021-01-12T10:00");
            assertThat(result(evaluate("resident-kh-jp", trips), "PRE_DEPARTURE_TEST").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "Cambodia {0} / {1} → {2}")
        @CsvSource({"PCR, NASOPHARYNGEAL, PASS", "PCR, SALIVA, FAIL", "LAMP, NASOPHARYNGEAL, FAIL"})
        void shouldAcceptOnlyNonSalivaPcrForCambodia(Trip.TestMethod method, Trip.Specimen specimen, RuleOutcome expected) {
            Trips trips = jpKhStay("2020-10-10", 20).test(method, specimen, Trip.TestResult.NEGATIVE, "2020-10-09T09:00");
            assertThat(result(evaluate("resident-jp-kh", trips), "PRE_DEPARTURE_TEST").outcome()).isEqualTo(expected);
        }

        @Test
        void shouldFailAPositiveResult() {
            Trips trips = khJp("2021-01-13T10:00", "2021-01-13T18:00", "2021-03-01T10:00")
                    .test(Trip.TestMethod.PCR, Trip.Specimen.NASOPHARYNGEAL, Trip.TestResult.POSITIVE, "2021-01-12T10:00");
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", trips), "PRE_DEPARTURE_TEST");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(r.message()).contains("positive").doesNotContain("POSITIVE");
        }
    }

    @Nested
    class Documents {

        private final Trips base = khJpStay(20);

        @Test
        void shouldPassTheHealthLogStartingExactly14DaysBeforeEntry() {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).health("2020-09-18", 36.8)), "HEALTH_MONITORING").outcome())
                    .isEqualTo(RuleOutcome.PASS);
        }

        @Test
        void shouldFailAHealthLogThatStartsTooLate() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", khJpStay(20).health("2020-09-19", 36.8)), "HEALTH_MONITORING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(r.message()).contains("on or before 2020-09-18");
        }

        @Test
        void shouldFailAFeverOf37point5() {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).health("2020-09-01", 37.5)), "HEALTH_MONITORING").outcome())
                    .isEqualTo(RuleOutcome.FAIL);
        }

        @Test
        void shouldSayFromWhichDateToStartTheHealthLog() {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", base), "HEALTH_MONITORING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.PENDING);
            assertThat(r.message()).contains("from 2020-09-18 or earlier");
        }

        @ParameterizedTest(name = "{0} {1} signed={2} → {3}")
        @CsvSource({
                "ORGANISATION, JP, true, PASS",
                "ORGANISATION, JP, false, PENDING",
                "ORGANISATION, , true, PENDING",
                "INDIVIDUAL, , , FAIL",
                "ORGANISATION, KH, true, FAIL",
                "INDIVIDUAL, JP, true, FAIL",
                "ORGANISATION, JP, , PENDING"})
        void shouldNeedAPledgeSignedByAReceivingOrganisationInJapan(Trip.SponsorKind kind, String country, Boolean signed, RuleOutcome expected) {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).sponsor(kind, country, signed)), "WRITTEN_PLEDGE").outcome())
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} coe={1} → {2}")
        @CsvSource({
                "INTRA_COMPANY_TRANSFEREE, true, PASS",
                "INTRA_COMPANY_TRANSFEREE, false, PENDING",
                "INTRA_COMPANY_TRANSFEREE, , PENDING",
                "TEMPORARY_VISITOR, true, FAIL",
                "TEMPORARY_VISITOR, , FAIL"})
        void shouldAdmitListedStatusesWithAConfirmedCertificate(String status, Boolean coe, RuleOutcome expected) {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).traveller("KH", "KH", status, coe)), "STATUS_OF_RESIDENCE").outcome())
                    .isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} living in {1} → resident {2}, business {3}")
        @CsvSource({"KH, KH, PASS, PASS", "VN, KH, FAIL, PASS", "KH, JP, FAIL, PASS", "KH, TH, FAIL, FAIL"})
        void shouldApplyEachTracksNationalityAndResidenceRule(String nationality, String residence, RuleOutcome resident, RuleOutcome business) {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).traveller(nationality, residence, null, null)), "NATIONALITY_AND_RESIDENCE").outcome())
                    .isEqualTo(resident);
            assertThat(result(evaluate("business-kh-jp", khJpStay(7).traveller(nationality, residence, null, null)), "NATIONALITY_AND_RESIDENCE").outcome())
                    .isEqualTo(business);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"PRIVATE_MEDICAL, PASS", "KH_COVID19_PACKAGE, FAIL"})
        void shouldNeedPrivateMedicalInsuranceInJapan(Trip.InsuranceKind kind, RuleOutcome expected) {
            assertThat(result(evaluate("resident-kh-jp", khJpStay(20).insurance(kind, null)), "MEDICAL_INSURANCE").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "entry {0}, {1} USD {2} → {3}")
        @CsvSource({
                "2020-08-03, PRIVATE_MEDICAL, 50000, PASS",
                "2020-08-03, PRIVATE_MEDICAL, 49999, FAIL",
                "2020-08-04, PRIVATE_MEDICAL, 50000, FAIL",
                "2020-08-04, KH_COVID19_PACKAGE, 0, PASS"})
        void shouldNeedCambodiasInsurancePackageFrom4August2020(String entry, Trip.InsuranceKind kind, double usd, RuleOutcome expected) {
            assertThat(result(evaluate("resident-jp-kh", jpKhStay(entry, 20).insurance(kind, usd)), "MEDICAL_INSURANCE").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({"EMBASSY, PASS", "ON_ARRIVAL, FAIL", "E_VISA, FAIL"})
        void shouldNeedAVisaFromACambodianMission(Trip.VisaKind kind, RuleOutcome expected) {
            assertThat(result(evaluate("resident-jp-kh", jpKhStay("2020-10-10", 20).visa(kind)), "VISA_IN_ADVANCE").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "issued {0}, entry {1} → {2}")
        @CsvSource({
                "2020-11-17, 2020-11-20, FAIL",
                "2020-11-18, 2020-11-18, PASS",
                "2020-11-18, 2020-12-18, PASS",
                "2020-11-18, 2020-12-19, FAIL",
                "2020-11-25, 2020-11-24, FAIL"})
        void shouldNeedAGuaranteeIssuedFrom18NovemberAndAtMost30DaysOld(String issuedOn, String entry, RuleOutcome expected) {
            assertThat(result(evaluate("business-jp-kh", jpKhStay(entry, 7).guarantee(issuedOn)), "SPONSOR_GUARANTEE").outcome()).isEqualTo(expected);
        }

        @ParameterizedTest(name = "accommodation={0}, complete={1}, incomplete={2} → {3}")
        @CsvSource({"true, 1, 0, PASS", "false, 1, 0, FAIL", "true, 0, 0, FAIL", "true, 2, 1, FAIL"})
        void shouldNeedAnActivityScheduleWithAddressesAndCoordinates(boolean accommodation, int complete, int incomplete, RuleOutcome expected) {
            assertThat(result(evaluate("business-kh-jp", khJpStay(7).schedule(accommodation, complete, incomplete)), "ACTIVITY_SCHEDULE").outcome())
                    .isEqualTo(expected);
        }
    }

    @Nested
    class Routing {

        private Trips via(String connectHours, boolean leaves) {
            Trips t = trip().leg("PNH", "2020-10-01T08:00", "BKK", "2020-10-01T09:00")
                    .leg("BKK", connectHours, "NRT", "2020-10-03T07:00")
                    .leg("NRT", "2020-11-01T10:00", "PNH", "2020-11-01T15:00");
            return leaves ? t.leavesAirportAt("BKK") : t;
        }

        @ParameterizedTest(name = "BKK departure {0}, leaves={1} → {2}")
        @CsvSource({
                "2020-10-01T11:00, false, PASS",
                "2020-10-01T11:00, true, FAIL",
                "2020-10-02T09:00, false, PASS",
                "2020-10-02T09:01, false, FAIL"})
        void shouldAllowOnlyAirsideConnectionsUpTo24Hours(String bkkDeparture, boolean leaves, RuleOutcome expected) {
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", via(bkkDeparture, leaves)), "ROUTING");
            assertThat(r.outcome()).isEqualTo(expected);
            if (expected == RuleOutcome.FAIL) {
                assertThat(r.message()).contains("BKK");
            }
        }

        @Test
        void shouldIgnoreTheReturnJourneyForRouting() {
            Trips t = trip().leg("PNH", "2020-10-01T23:50", "NRT", "2020-10-02T07:30")
                    .leg("NRT", "2020-11-01T10:00", "BKK", "2020-11-01T15:00")
                    .leg("BKK", "2020-11-04T10:00", "PNH", "2020-11-04T11:00").leavesAirportAt("BKK");
            assertThat(result(evaluate("resident-kh-jp", t), "ROUTING").outcome()).isEqualTo(RuleOutcome.PASS);
        }

        @Test
        void shouldRefuseAnArrivalAirportOtherThanNaritaHanedaOrKansai() {
            Trips t = trip().leg("PNH", "2020-10-01T23:50", "NGO", "2020-10-02T07:30").leg("NGO", "2020-11-01T10:00", "PNH", "2020-11-01T15:00");
            Evaluation.RuleResult r = result(evaluate("resident-kh-jp", t), "ROUTING");
            assertThat(r.outcome()).isEqualTo(RuleOutcome.FAIL);
            assertThat(r.message()).contains("NGO").contains("NRT, HND, KIX");
        }
    }

    @Nested
    class Obligations {

        @Test
        void shouldQuarantineInJapanFromDay0ThroughDay14() {
            Evaluation e = evaluate("resident-kh-jp", khJpStay(20));
            Evaluation.ObligationResult q = e.obligations().stream().filter(o -> o.code().equals("QUARANTINE")).findFirst().orElseThrow();
            assertThat(q.from()).hasToString("2020-10-02");
            assertThat(q.until()).hasToString("2020-10-16");
            assertThat(e.obligations()).extracting(Evaluation.ObligationResult::code)
                    .containsExactly("QUARANTINE", "NO_PUBLIC_TRANSPORT", "LOCATION_RECORD", "DAILY_HEALTH_REPORT");
            assertThat(e.warnings()).isEmpty();
        }

        @Test
        void shouldWarnWhenTheReturnLeavesBeforeTheQuarantineEnds() {
            Evaluation e = evaluate("resident-kh-jp", khJpStay(10));
            assertThat(e.warnings()).extracting(Evaluation.Warning::code).contains("DEPARTS_BEFORE_QUARANTINE_ENDS");
        }

        @Test
        void shouldQuarantineInCambodiaThroughDay13WithARetestOnDay13() {
            Evaluation e = evaluate("resident-jp-kh", jpKhStay("2020-10-10", 20));
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("QUARANTINE")).singleElement()
                    .satisfies(o -> assertThat(o.until()).hasToString("2020-10-23"));
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("RETEST")).singleElement()
                    .satisfies(o -> assertThat(o.from()).hasToString("2020-10-23"));
        }

        @ParameterizedTest(name = "entry {0} → USD {1}")
        @CsvSource({"2020-08-03, '3,000'", "2020-08-04, '2,000'", "2020-10-10, '2,000'"})
        void shouldAskTheDepositInForceOnTheEntryDate(String entry, String usd) {
            Evaluation e = evaluate("resident-jp-kh", jpKhStay(entry, 20));
            assertThat(e.obligations()).filteredOn(o -> o.code().equals("DEPOSIT")).singleElement()
                    .satisfies(o -> assertThat(o.detail()).contains("USD " + usd + " "));
        }

        @Test
        void shouldQuarantineEveryoneAtADesignatedFacilityFrom12December() {
            // Clarifications, round 2: resident-jp-kh v3 from 2020-12-12T00:00+07:00 [KH-07]
            assertThat(quarantineDetail(jpKhStay("2020-12-11", 20))).doesNotContain("designated");
            assertThat(quarantineDetail(jpKhStay("2020-12-12", 20))).contains("designated by the Ministry of Health");
            assertThat(quarantineDetail(jpKhStay("2020-12-12", 20).guarantee("2020-12-10"))).contains("designated by the Ministry of Health");
        }

        private String quarantineDetail(Trips trips) {
            return evaluate("resident-jp-kh", trips).obligations().stream().filter(o -> o.code().equals("QUARANTINE"))
                    .map(Evaluation.ObligationResult::detail).reduce("", String::concat);
        }
    }

    @Test
    void shouldBeEligibleWithEverythingSupplied() {
        Evaluation e = evaluate("resident-kh-jp", khJpStay(35).completeResidentKhJp().health("2020-09-01", 36.5));
        assertThat(e.results()).allSatisfy(r -> assertThat(r.outcome()).isIn(RuleOutcome.PASS, RuleOutcome.NOT_APPLICABLE));
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.ELIGIBLE);
    }

    @Test
    void shouldBeConditionalWhenOnlyDocumentsAreMissing() {
        Evaluation e = evaluate("resident-kh-jp", khJpStay(35).traveller("KH", "KH", "NURSING_CARE", true));
        assertThat(e.outcome()).isEqualTo(DecisionOutcome.CONDITIONAL);
        assertThat(e.ruleIdsWith(RuleOutcome.PENDING)).contains("WRITTEN_PLEDGE", "HEALTH_MONITORING", "MEDICAL_INSURANCE");
        assertThat(e.results()).filteredOn(r -> r.outcome() == RuleOutcome.PENDING)
                .allSatisfy(r -> assertThat(r.deadline()).hasToString("2020-10-01T23:50+07:00"));
    }
}
