package com.tracklane.compliance;

import static com.tracklane.support.Travellers.PHNOM_PENH_LAT;
import static com.tracklane.support.Travellers.PHNOM_PENH_LON;
import static com.tracklane.support.Travellers.TOKYO_LAT;
import static com.tracklane.support.Travellers.TOKYO_LON;
import static com.tracklane.support.Travellers.arrival;
import static com.tracklane.support.Travellers.arrive;
import static com.tracklane.support.Travellers.as;
import static com.tracklane.support.Travellers.checkIn;
import static com.tracklane.support.Travellers.postCheckIn;
import static com.tracklane.support.Travellers.report;
import static com.tracklane.support.Travellers.sweep;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.tracklane.support.Travellers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each violation code, with the day boundaries in the destination's local time. */
@QuarkusTest
class ViolationsTest {

    /** About 1.1 km north of the Tokyo quarantine address. */
    static final double FAR_LAT = TOKYO_LAT + 0.01;
    /** About 330 m north: inside the 500 m radius. */
    static final double NEAR_LAT = TOKYO_LAT + 0.003;

    static String residentInTokyo() throws Exception {
        String id = Travellers.residentToJapan();
        arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201);
        return id;
    }

    static String residentInPhnomPenh() {
        String id = Travellers.residentToCambodia();
        arrive(id, arrival("2020-10-01T15:00:00+07:00", "PNH", PHNOM_PENH_LAT, PHNOM_PENH_LON)).then().statusCode(201);
        return id;
    }

    @Test
    void shouldCountACheckInAt2359JstForThatDayAndAt0001JstForTheNext() throws Exception {
        String id = residentInTokyo();
        // 23:59 JST on 16 September is 14:59 UTC; 00:01 JST on 18 September is still 17 September in UTC
        postCheckIn(id, checkIn("2020-09-16T23:59:00+09:00", 36.5, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201)
                .body("localDate", equalTo("2020-09-16")).body("day", equalTo(1)).body("violations", hasSize(0));
        postCheckIn(id, checkIn("2020-09-17T15:01:00Z", 36.5, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201)
                .body("localDate", equalTo("2020-09-18")).body("day", equalTo(3));

        // as of 18 September 00:00 JST, day 1 (16th) has a check-in and day 2 (17th) just ended without one
        sweep("2020-09-18T00:00:00+09:00").then().statusCode(200);
        report(id).then().statusCode(200)
                .body("violations.code", equalTo(List.of("MISSED_CHECK_IN")))
                .body("violations[0].localDate", equalTo("2020-09-17"))
                .body("violations[0].day", equalTo(2))
                .body("violations[0].evidence.localDate", equalTo("2020-09-17"))
                .body("violations[0].evidence.zone", equalTo("Asia/Tokyo"))
                .body("violations[0].evidence.checkIns", equalTo(0))
                .body("violations[0].citation.obligation", equalTo("DAILY_HEALTH_REPORT"))
                .body("violations[0].citation.ruleSetId", equalTo("resident-kh-jp"))
                .body("violations[0].citation.version", equalTo(2))
                .body("violations[0].citation.url", notNullValue())
                .body("status", equalTo("ACTIVE_NON_COMPLIANT"))
                .body("checkIns.received", equalTo(2));

        // 23:59 JST on the 19th: the 18th has its 00:01 check-in, the 19th has not ended yet
        sweep("2020-09-19T23:59:00+09:00").then().statusCode(200);
        report(id).then().body("violations.localDate", equalTo(List.of("2020-09-17")));
        sweep("2020-09-20T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("violations.localDate", equalTo(List.of("2020-09-17", "2020-09-19")));
    }

    @Test
    void shouldNotRequireACheckInOnArrivalDay() throws Exception {
        String id = residentInTokyo();
        sweep("2020-09-16T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("violations", hasSize(0)).body("status", equalTo("ACTIVE_COMPLIANT"));
        sweep("2020-09-16T23:59:59+09:00").then().statusCode(200);
        report(id).then().body("violations", hasSize(0));
        sweep("2020-09-17T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("violations.code", equalTo(List.of("MISSED_CHECK_IN")))
                .body("violations[0].localDate", equalTo("2020-09-16"));
    }

    @Test
    void shouldRecordAFeverAtTheRuleSetsThresholdOnceADay() throws Exception {
        String id = residentInTokyo();
        postCheckIn(id, checkIn("2020-09-16T08:00:00+09:00", 37.4, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201)
                .body("violations", hasSize(0));
        postCheckIn(id, checkIn("2020-09-16T12:00:00+09:00", 37.5, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201)
                .body("violations", equalTo(List.of("FEVER")));
        postCheckIn(id, checkIn("2020-09-16T18:00:00+09:00", 38.2, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201)
                .body("violations", equalTo(List.of("FEVER")));
        report(id).then()
                .body("violations.code", equalTo(List.of("FEVER")))
                .body("violations[0].localDate", equalTo("2020-09-16"))
                .body("violations[0].evidence.temperatureC", equalTo(37.5f))
                .body("violations[0].evidence.thresholdC", equalTo(37.5f))
                .body("violations[0].evidence.at", equalTo("2020-09-16T12:00+09:00"))
                .body("violations[0].citation.obligation", equalTo("DAILY_HEALTH_REPORT"))
                .body("checkIns.total", equalTo(3))
                .body("checkIns.received", equalTo(1));
    }

    @Test
    void shouldRecordSymptomsAndAPositiveTest() throws Exception {
        String id = residentInTokyo();
        postCheckIn(id, checkIn("2020-09-17T09:00:00+09:00", 36.8, "[\"COUGH\", \"SORE_THROAT\"]", TOKYO_LAT, TOKYO_LON, "NONE", "POSITIVE"))
                .then().statusCode(201).body("violations", equalTo(List.of("SYMPTOMS", "POSITIVE_TEST")))
                .body("symptoms", equalTo(List.of("COUGH", "SORE_THROAT"))).body("testResult", equalTo("POSITIVE"));
        report(id).then()
                .body("violations.code", equalTo(List.of("POSITIVE_TEST", "SYMPTOMS")))
                .body("violations.find { it.code == 'SYMPTOMS' }.evidence.symptoms", equalTo(List.of("COUGH", "SORE_THROAT")))
                .body("violations.find { it.code == 'POSITIVE_TEST' }.evidence.testResult", equalTo("POSITIVE"))
                .body("violations.find { it.code == 'POSITIVE_TEST' }.localDate", equalTo("2020-09-17"));
    }

    @Test
    void shouldRecordPublicTransportDuringTheRestrictionIncludingFromTheAirport() throws Exception {
        String id = residentInTokyo();
        postCheckIn(id, checkIn("2020-09-15T09:30:00+09:00", 36.5, NEAR_LAT, TOKYO_LON, "PUBLIC_TRANSPORT")).then().statusCode(201)
                .body("violations", equalTo(List.of("PUBLIC_TRANSPORT")));
        postCheckIn(id, checkIn("2020-09-15T10:30:00+09:00", 36.5, NEAR_LAT, TOKYO_LON, "PUBLIC_TRANSPORT")).then().statusCode(201);
        postCheckIn(id, checkIn("2020-09-16T10:30:00+09:00", 36.5, NEAR_LAT, TOKYO_LON, "PRIVATE_VEHICLE")).then().statusCode(201)
                .body("violations", hasSize(0));
        report(id).then()
                .body("violations.code", equalTo(List.of("PUBLIC_TRANSPORT")))
                .body("violations[0].localDate", equalTo("2020-09-15"))
                .body("violations[0].day", equalTo(0))
                .body("violations[0].evidence.transport", equalTo("PUBLIC_TRANSPORT"))
                .body("violations[0].evidence.summary", containsString("NO_PUBLIC_TRANSPORT"))
                .body("violations[0].citation.obligation", equalTo("NO_PUBLIC_TRANSPORT"));
    }

    @Test
    void shouldNotTreatPublicTransportAsAViolationWhereNoRuleForbidsIt() {
        String id = residentInPhnomPenh();
        postCheckIn(id, checkIn("2020-10-02T09:00:00+07:00", 36.5, PHNOM_PENH_LAT, PHNOM_PENH_LON, "PUBLIC_TRANSPORT"))
                .then().statusCode(201).body("violations", hasSize(0));
    }

    @Test
    void shouldRecordACheckInFartherThanTheRadiusFromTheQuarantineAddress() throws Exception {
        String id = residentInTokyo();
        postCheckIn(id, checkIn("2020-09-16T09:00:00+09:00", 36.5, NEAR_LAT, TOKYO_LON, "WALK")).then().statusCode(201)
                .body("violations", hasSize(0));
        postCheckIn(id, checkIn("2020-09-17T09:00:00+09:00", 36.5, FAR_LAT, TOKYO_LON, "WALK")).then().statusCode(201)
                .body("violations", equalTo(List.of("OUTSIDE_ALLOWED_PLACE")));
        report(id).then()
                .body("violations.code", equalTo(List.of("OUTSIDE_ALLOWED_PLACE")))
                .body("violations[0].evidence.distanceMeters", equalTo(1112))
                .body("violations[0].evidence.radiusMeters", equalTo(500.0f))
                .body("violations[0].evidence.nearestPlace", equalTo("Quarantine address"))
                .body("violations[0].citation.obligation", equalTo("QUARANTINE"));
    }

    @Test
    void shouldAllowABusinessTravellerAtEveryListedPlaceButNowhereElse() {
        String id = Travellers.businessToJapan();
        arrive(id, arrival("2020-12-01T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201);
        // at the office of the activity schedule, by private vehicle: compliant
        postCheckIn(id, checkIn("2020-12-02T10:00:00+09:00", 36.5, 35.6905, 139.7005, "PRIVATE_VEHICLE")).then().statusCode(201)
                .body("violations", hasSize(0));
        // a train to a place that is not listed
        postCheckIn(id, checkIn("2020-12-03T10:00:00+09:00", 36.5, 35.63, 139.88, "PUBLIC_TRANSPORT")).then().statusCode(201)
                .body("violations", equalTo(List.of("PUBLIC_TRANSPORT", "OUTSIDE_ALLOWED_PLACE")));
        report(id).then()
                .body("violations.code", equalTo(List.of("OUTSIDE_ALLOWED_PLACE", "PUBLIC_TRANSPORT")))
                .body("violations.find { it.code == 'OUTSIDE_ALLOWED_PLACE' }.citation.obligation", equalTo("RESTRICTED_MOVEMENT"))
                .body("violations.find { it.code == 'PUBLIC_TRANSPORT' }.citation.obligation", equalTo("RESTRICTED_MOVEMENT"))
                .body("violations.find { it.code == 'OUTSIDE_ALLOWED_PLACE' }.evidence.nearestPlace", equalTo("Quarantine address"));
    }

    @Test
    void shouldRecordAMissedRetestOnlyWhenDay13EndsWithoutATestResult() {
        String missed = residentInPhnomPenh();
        String tested = residentInPhnomPenh();
        // day 13 is 14 October (ICT); a check-in without a test does not count as the re-test
        postCheckIn(missed, checkIn("2020-10-14T09:00:00+07:00", 36.5, PHNOM_PENH_LAT, PHNOM_PENH_LON, "NONE")).then().statusCode(201);
        postCheckIn(tested, checkIn("2020-10-14T23:59:00+07:00", 36.5, "[]", PHNOM_PENH_LAT, PHNOM_PENH_LON, "NONE", "NEGATIVE"))
                .then().statusCode(201).body("violations", hasSize(0));
        sweep("2020-10-14T23:59:59+07:00").then().statusCode(200);
        report(missed).then().body("violations.code.findAll { it == 'MISSED_RETEST' }", hasSize(0));
        sweep("2020-10-15T00:00:00+07:00").then().statusCode(200);
        report(missed).then()
                .body("violations.findAll { it.code == 'MISSED_RETEST' }", hasSize(1))
                .body("violations.find { it.code == 'MISSED_RETEST' }.localDate", equalTo("2020-10-14"))
                .body("violations.find { it.code == 'MISSED_RETEST' }.day", equalTo(13))
                .body("violations.find { it.code == 'MISSED_RETEST' }.citation.obligation", equalTo("RETEST"))
                .body("violations.find { it.code == 'MISSED_RETEST' }.evidence.testResults", equalTo(0));
        report(tested).then().body("violations.findAll { it.code == 'MISSED_RETEST' }", hasSize(0));
    }

    @Test
    void shouldRecordAnEarlyExitBeforeReleaseOnDay14InCambodia() {
        String early = residentInPhnomPenh();
        String released = residentInPhnomPenh();
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-10-14T23:59:00+07:00\", \"airport\": \"PNH\"}")
                .post("/api/v1/applications/" + early + "/departure").then().statusCode(201)
                .body("departure.localDate", equalTo("2020-10-14")).body("departure.day", equalTo(13))
                .body("violations.code", equalTo(List.of("EARLY_EXIT")))
                .body("violations[0].evidence.releaseOn", equalTo("2020-10-15"))
                .body("violations[0].citation.obligation", equalTo("QUARANTINE"))
                .body("retestOn", equalTo(null));
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-10-15T00:00:00+07:00\"}")
                .post("/api/v1/applications/" + released + "/departure").then().statusCode(201)
                .body("violations.findAll { it.code == 'EARLY_EXIT' }", hasSize(0));
        // the same departure again is idempotent, a different one is a conflict
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-10-14T23:59:00+07:00\", \"airport\": \"PNH\"}")
                .post("/api/v1/applications/" + early + "/departure").then().statusCode(200)
                .body("violations.code", equalTo(List.of("EARLY_EXIT")));
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-10-13T10:00:00+07:00\"}")
                .post("/api/v1/applications/" + early + "/departure").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRecordAnEarlyExitFromJapanOnDay14() throws Exception {
        String id = residentInTokyo();
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2020-09-29T10:00:00+09:00\"}")
                .post("/api/v1/applications/" + id + "/departure").then().statusCode(201)
                .body("violations.code", equalTo(List.of("EARLY_EXIT")))
                .body("violations[0].day", equalTo(14))
                .body("violations[0].evidence.releaseOn", equalTo("2020-09-30"));
    }
}
