package com.tracklane.compliance;

import static com.tracklane.support.Travellers.TOKYO_LAT;
import static com.tracklane.support.Travellers.TOKYO_LON;
import static com.tracklane.support.Travellers.arrival;
import static com.tracklane.support.Travellers.arrive;
import static com.tracklane.support.Travellers.as;
import static com.tracklane.support.Travellers.checkIn;
import static com.tracklane.support.Travellers.postCheckIn;
import static com.tracklane.support.Travellers.report;
import static com.tracklane.support.Travellers.sweep;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.tracklane.support.Travellers;
import com.tracklane.support.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Sweeps record missed days once however often they run, and close finished monitorings. */
@QuarkusTest
class SweepTest {

    static String arrivedInTokyo(String at) throws Exception {
        // the trip lands on the day of the arrival: an arrival months after a trip's schedule is refused
        String id = Travellers.residentToJapanArrivingOn(at.substring(0, 10));
        arrive(id, arrival(at, "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201);
        return id;
    }

    @Test
    void shouldRecordEachMissedDayOnceHoweverOftenItSweeps() throws Exception {
        String id = arrivedInTokyo("2021-03-01T07:30:00+09:00");
        postCheckIn(id, checkIn("2021-03-03T09:00:00+09:00", 36.5, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201);

        sweep("2021-03-05T00:00:00+09:00").then().statusCode(200)
                .body("at", equalTo("2021-03-04T15:00:00Z"))
                .body("examined", greaterThanOrEqualTo(1))
                .body("found.MISSED_CHECK_IN", greaterThanOrEqualTo(2))
                .body("tookMs", notNullValue());
        report(id).then().body("violations.code", equalTo(List.of("MISSED_CHECK_IN", "MISSED_CHECK_IN")))
                .body("violations.localDate", equalTo(List.of("2021-03-02", "2021-03-04")));

        // again, and again at the same instant: nothing new
        sweep("2021-03-05T00:00:00+09:00").then().statusCode(200)
                .body("found.MISSED_CHECK_IN", equalTo(0)).body("found.MISSED_RETEST", equalTo(0)).body("recorded", equalTo(0));
        sweep("2021-03-05T06:00:00+09:00").then().statusCode(200).body("recorded", equalTo(0));
        report(id).then().body("violations", hasSize(2)).body("status", equalTo("ACTIVE_NON_COMPLIANT"));
    }

    @Test
    void shouldCloseAMonitoringAfterItsLastDayAsCompliantWhenEveryDayWasReported() throws Exception {
        String id = arrivedInTokyo("2021-04-01T07:30:00+09:00");
        for (int day : IntStream.rangeClosed(1, 14).toArray()) {
            postCheckIn(id, checkIn("2021-04-%02dT20:00:00+09:00".formatted(1 + day), 36.4, TOKYO_LAT, TOKYO_LON, "NONE"))
                    .then().statusCode(201).body("day", equalTo(day));
        }
        // the last day (15 April) has not ended
        sweep("2021-04-15T23:59:00+09:00").then().statusCode(200);
        report(id).then().body("status", equalTo("ACTIVE_COMPLIANT")).body("closedAt", equalTo(null));
        sweep("2021-04-16T00:00:00+09:00").then().statusCode(200).body("closed", greaterThanOrEqualTo(1));
        report(id).then().body("status", equalTo("COMPLETED_COMPLIANT")).body("closedAt", notNullValue())
                .body("checkIns.expected", equalTo(14)).body("checkIns.received", equalTo(14)).body("violations", hasSize(0));
        // a completed monitoring takes no more check-ins
        Problems.assertProblem(postCheckIn(id, checkIn("2021-04-15T21:00:00+09:00", 36.4, TOKYO_LAT, TOKYO_LON, "NONE")), 409, "conflict");
    }

    @Test
    void shouldCloseAMonitoringWithMissedDaysAsNonCompliantAndListEveryMissedDay() throws Exception {
        String id = arrivedInTokyo("2021-05-01T07:30:00+09:00");
        sweep("2021-06-01T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("status", equalTo("COMPLETED_NON_COMPLIANT"))
                .body("violations", hasSize(14))
                .body("violations.day", equalTo(IntStream.rangeClosed(1, 14).boxed().toList()))
                .body("violations[13].localDate", equalTo("2021-05-15"))
                .body("checkIns.received", equalTo(0));
        // closed: later sweeps do not look at it again
        sweep("2021-07-01T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("violations", hasSize(14));
    }

    @Test
    void shouldStopRequiringCheckInsOnTheDepartureDay() throws Exception {
        String id = arrivedInTokyo("2021-06-01T07:30:00+09:00");
        as("monitor").contentType(ContentType.JSON).body("{\"departedAt\": \"2021-06-04T10:00:00+09:00\"}")
                .post("/api/v1/applications/" + id + "/departure").then().statusCode(201)
                .body("checkIns.expected", equalTo(2)).body("endsOn", equalTo("2021-06-04"));
        sweep("2021-06-20T00:00:00+09:00").then().statusCode(200);
        report(id).then().body("status", equalTo("COMPLETED_NON_COMPLIANT"))
                .body("violations.code", equalTo(List.of("MISSED_CHECK_IN", "MISSED_CHECK_IN", "EARLY_EXIT")))
                .body("violations.localDate", equalTo(List.of("2021-06-02", "2021-06-03", "2021-06-04")));
    }

    @Test
    void shouldRefuseABadSweepInstantWithAProblem() {
        Problems.assertProblem(as("monitor").contentType(ContentType.JSON).body("{\"at\": \"tomorrow\"}")
                .post("/api/v1/compliance/sweeps"), 400, "invalid-request").body("errors[0].field", equalTo("at"));
        Problems.assertProblem(as("monitor").contentType(ContentType.JSON).body("{\"at\": \"2099-01-01T00:00:00Z\"}")
                .post("/api/v1/compliance/sweeps"), 400, "invalid-request").body("errors[0].message", equalTo("is in the future"));
        Problems.assertProblem(as("monitor").contentType(ContentType.JSON).body("[1]")
                .post("/api/v1/compliance/sweeps"), 400, "invalid-request");
        Problems.assertProblem(as("monitor").contentType(ContentType.JSON).body("{\"at\": ")
                .post("/api/v1/compliance/sweeps"), 400, "malformed-json");
        Problems.assertProblem(as("officer").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/compliance/sweeps"), 403, "forbidden");
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        // the body was parsed as JSON whatever its declared media type; the contract declares application/json only
        Problems.assertProblem(as("monitor").contentType("text/plain").body("{\"at\": \"2020-09-20T00:00:00Z\"}")
                .post("/api/v1/compliance/sweeps"), 415, "http-415");
        Problems.assertProblem(as("monitor").contentType("application/x-www-form-urlencoded").body("at=2020-09-20T00:00:00Z")
                .post("/api/v1/compliance/sweeps"), 415, "http-415");
        // no body at all is a sweep as of now, whatever media type the client names for it
        as("monitor").contentType("text/plain").post("/api/v1/compliance/sweeps").then().statusCode(200)
                .body("examined", greaterThanOrEqualTo(0));
    }

    @Test
    void shouldSweepAsOfNowWithoutABody() {
        as("monitor").post("/api/v1/compliance/sweeps").then().statusCode(200)
                .body("examined", greaterThanOrEqualTo(0)).body("at", notNullValue());
    }
}
