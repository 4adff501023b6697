package com.tracklane.compliance;

import static com.tracklane.support.Travellers.TOKYO_LAT;
import static com.tracklane.support.Travellers.TOKYO_LON;
import static com.tracklane.support.Travellers.arrival;
import static com.tracklane.support.Travellers.arrive;
import static com.tracklane.support.Travellers.as;
import static com.tracklane.support.Travellers.checkIn;
import static com.tracklane.support.Travellers.postCheckIn;
import static com.tracklane.support.Travellers.report;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.tracklane.support.Travellers;
import com.tracklane.support.Problems;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arrivals and check-ins: who may post them, what they must contain, and safe retries. */
@QuarkusTest
class CheckInAndArrivalTest {

    static final String ARRIVAL = arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON);

    static String arrived() throws Exception {
        String id = Travellers.residentToJapan();
        arrive(id, ARRIVAL).then().statusCode(201);
        return id;
    }

    @Test
    void shouldRegisterAnArrivalOnlyForAnApprovedApplication() throws Exception {
        String submitted = Travellers.submitted(Files.readString(Path.of("examples/eligibility-resident.json")));
        Problems.assertProblem(arrive(submitted, ARRIVAL), 409, "conflict").body("detail", containsString("SUBMITTED"));
        Problems.assertProblem(arrive("00000000-0000-0000-0000-000000000000", ARRIVAL), 404, "not-found");
    }

    @Test
    void shouldTreatTheSameArrivalAsARetryAndRefuseADifferentOne() throws Exception {
        String id = arrived();
        String monitoringId = report(id).path("monitoringId");
        arrive(id, ARRIVAL).then().statusCode(200).body("monitoringId", equalTo(monitoringId));
        Problems.assertProblem(arrive(id, arrival("2020-09-15T08:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)), 409, "conflict");
        Problems.assertProblem(arrive(id, arrival("2020-09-15T07:30:00+09:00", "HND", TOKYO_LAT, TOKYO_LON)), 409, "conflict");
    }

    @Test
    void shouldRefuseAnArrivalOutsideTheTripsPlausibleWindow() throws Exception {
        // The trip is scheduled to land at Narita on 2020-09-15 07:30 JST; accepted from two days before to 30 days after.
        String id = Travellers.residentToJapan();
        Problems.assertProblem(arrive(id, arrival("2019-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)), 400, "invalid-request")
                .body("errors[0].field", equalTo("arrivedAt"))
                .body("errors[0].message", containsString("scheduled to arrive on 2020-09-15 07:30 (local time)"))
                .body("errors[0].message", containsString("from 2020-09-13 07:30 to 2020-10-15 07:30"));
        Problems.assertProblem(arrive(id, arrival("2020-09-13T07:29:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)), 400, "invalid-request");
        Problems.assertProblem(arrive(id, arrival("2020-10-15T07:31:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)), 400, "invalid-request");
        Problems.assertProblem(report(id), 404, "not-found");
        arrive(id, arrival("2020-09-16T21:00:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)).then().statusCode(201); // a day late: fine
    }

    @Test
    void shouldRefuseAnInvalidArrivalWithEveryFieldNamed() throws Exception {
        String id = Travellers.residentToJapan();
        Problems.assertProblem(arrive(id, "{\"arrivedAt\": \"2020-09-15\", \"airport\": \"XXX\", \"quarantineAddress\": {\"lat\": 91, \"lon\": \"east\"}}"),
                        400, "invalid-request")
                .body("errors.field", hasItems("arrivedAt", "airport", "quarantineAddress.address", "quarantineAddress.lat", "quarantineAddress.lon"));
        Problems.assertProblem(arrive(id, arrival("2099-01-01T00:00:00Z", "NRT", TOKYO_LAT, TOKYO_LON)), 400, "invalid-request")
                .body("errors[0].field", equalTo("arrivedAt")).body("errors[0].message", equalTo("is in the future"));
        Problems.assertProblem(arrive(id, arrival("2020-09-15T07:30:00+07:00", "PNH", TOKYO_LAT, TOKYO_LON)), 400, "invalid-request")
                .body("errors[0].field", equalTo("airport")).body("errors[0].message", containsString("destination JP"));
        Problems.assertProblem(arrive(id, "{"), 400, "malformed-json");
        Problems.assertProblem(arrive(id, ""), 400, "invalid-request");
        // nothing was registered
        Problems.assertProblem(report(id), 404, "not-found").body("detail", containsString("No arrival"));
    }

    @Test
    void shouldStoreAQuarantineAddressOf500CodePointsAndRefuseABlankOrLongerOne() throws Exception {
        String id = Travellers.residentToJapan();
        String emoji = "\ud83d\ude00";
        Problems.assertProblem(arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON).replace("Registered address", "   ")),
                400, "invalid-request").body("errors[0].field", equalTo("quarantineAddress.address"));
        Problems.assertProblem(arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON)
                .replace("Registered address", emoji.repeat(501))), 400, "invalid-request")
                .body("errors[0].field", equalTo("quarantineAddress.address")).body("errors[0].message", containsString("500"));
        // 500 code points are 1,000 UTF-16 units: H2 counts the latter (V6 widened the column)
        arrive(id, arrival("2020-09-15T07:30:00+09:00", "NRT", TOKYO_LAT, TOKYO_LON).replace("Registered address", emoji.repeat(500)))
                .then().statusCode(201).body("arrival.quarantineAddress.address", equalTo(emoji.repeat(500)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "temperatureC | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 29.9, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "temperatureC | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 45.1, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "temperatureC | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": \"hot\", \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "location.lat | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 90.5, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "location.lon | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": -180.1}, \"transport\": \"NONE\"}",
            "location     | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"transport\": \"NONE\"}",
            "transport    | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"BUS\"}",
            "testResult   | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\", \"testResult\": \"MAYBE\"}",
            "symptoms[0]  | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"symptoms\": [42], \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "symptoms[0]  | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"symptoms\": [\"COUGH\\n\"], \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "symptoms[1]  | {\"at\": \"2020-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"symptoms\": [\"COUGH\", \"1COUGH\"], \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "at           | {\"at\": \"2020-09-15T07:29:59+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "at           | {\"at\": \"2020-09-30T00:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "at           | {\"at\": \"2099-09-16T09:00:00+09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "at           | {\"at\": \"2020-09-16 09:00\", \"temperatureC\": 36.5, \"location\": {\"lat\": 35.68, \"lon\": 139.76}, \"transport\": \"NONE\"}",
            "(body)       | [1, 2]"})
    void shouldRefuseAnInvalidCheckInNamingTheField(String field, String body) throws Exception {
        String id = arrived();
        Problems.assertProblem(postCheckIn(id, body), 400, "invalid-request").body("errors.field", hasItems(field));
        report(id).then().body("checkIns.total", equalTo(0));
    }

    @Test
    void shouldAcceptTheBoundsOfTheWindowAndOfTheTemperatureRange() throws Exception {
        String id = arrived();
        postCheckIn(id, checkIn("2020-09-15T07:30:00+09:00", 30.0, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201).body("day", equalTo(0));
        postCheckIn(id, checkIn("2020-09-29T23:59:59+09:00", 45.0, TOKYO_LAT, TOKYO_LON, "NONE")).then().statusCode(201).body("day", equalTo(14));
    }

    @Test
    void shouldRefuseACheckInBeforeTheArrivalIsRegistered() throws Exception {
        String id = Travellers.residentToJapan();
        Problems.assertProblem(postCheckIn(id, checkIn("2020-09-16T09:00:00+09:00", 36.5, TOKYO_LAT, TOKYO_LON, "NONE")), 409, "conflict")
                .body("detail", containsString("arrival"));
    }

    @Test
    void shouldRecordACheckInOnceForRetriesWithTheSameIdempotencyKey() throws Exception {
        String id = arrived();
        String body = checkIn("2020-09-16T09:00:00+09:00", 38.0, TOKYO_LAT, TOKYO_LON, "PUBLIC_TRANSPORT");
        Response first = as("monitor").header("Idempotency-Key", "day-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + id + "/check-ins");
        first.then().statusCode(201).body("violations", equalTo(List.of("FEVER", "PUBLIC_TRANSPORT")));
        as("monitor").header("Idempotency-Key", "day-1").contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + id + "/check-ins").then().statusCode(200)
                .body("id", equalTo(first.path("id"))).body("violations", equalTo(List.of("FEVER", "PUBLIC_TRANSPORT")));
        Problems.assertProblem(as("monitor").header("Idempotency-Key", "day-1").contentType(ContentType.JSON)
                .body(checkIn("2020-09-16T09:00:00+09:00", 36.0, TOKYO_LAT, TOKYO_LON, "NONE"))
                .post("/api/v1/applications/" + id + "/check-ins"), 409, "conflict");
        Problems.assertProblem(as("monitor").header("Idempotency-Key", "k".repeat(201)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications/" + id + "/check-ins"), 400, "invalid-request");
        report(id).then().body("checkIns.total", equalTo(1)).body("violations", hasSize(2));
    }

    @Test
    void shouldLetOnlyMonitorsPostAndMonitorsAndOfficersReadTheReport() throws Exception {
        String id = arrived();
        String body = checkIn("2020-09-16T09:00:00+09:00", 36.5, TOKYO_LAT, TOKYO_LON, "NONE");
        for (String role : List.of("officer", "intake", "rules-admin")) {
            Problems.assertProblem(as(role).contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + id + "/check-ins"), 403, "forbidden");
            Problems.assertProblem(as(role).contentType(ContentType.JSON).body(ARRIVAL).post("/api/v1/applications/" + id + "/arrival"), 403, "forbidden");
            Problems.assertProblem(as(role).get("/api/v1/compliance/violations"), 403, "forbidden");
        }
        Problems.assertProblem(given().contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + id + "/check-ins"), 401, "unauthorized");
        as("officer").get("/api/v1/applications/" + id + "/compliance").then().statusCode(200).body("applicationId", equalTo(id));
        Problems.assertProblem(as("intake").get("/api/v1/applications/" + id + "/compliance"), 403, "forbidden");
        Problems.assertProblem(as("monitor").get("/api/v1/applications/nope/compliance"), 404, "not-found");
    }

    @Test
    void shouldListViolationsAcrossTravellersByCodeAndDayPaged() throws Exception {
        String first = arrived();
        String second = arrived();
        // an unusual day so that only these two travellers have a violation of this code on it
        String[] at = {"2020-09-15T23:00:00+09:00", "2020-09-15T22:00:00+09:00"};
        postCheckIn(first, checkIn(at[0], 36.5, "[\"ANOSMIA\"]", TOKYO_LAT, TOKYO_LON, "NONE", null)).then().statusCode(201);
        postCheckIn(second, checkIn(at[1], 36.5, "[\"ANOSMIA\"]", TOKYO_LAT, TOKYO_LON, "NONE", null)).then().statusCode(201);

        int total = as("monitor").queryParam("code", "SYMPTOMS").queryParam("since", "2020-09-15")
                .get("/api/v1/compliance/violations").then().statusCode(200).extract().path("total");
        as("monitor").queryParam("code", "SYMPTOMS").queryParam("since", "2020-09-15").queryParam("size", 1)
                .queryParam("page", total - 1).get("/api/v1/compliance/violations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].code", equalTo("SYMPTOMS"))
                .body("items[0].applicationId", equalTo(second))
                .body("items[0].evidence.symptoms", equalTo(List.of("ANOSMIA")))
                .body("page", equalTo(total - 1)).body("size", equalTo(1)).body("total", equalTo(total));
        as("monitor").queryParam("code", "SYMPTOMS").queryParam("since", "2099-01-01").get("/api/v1/compliance/violations")
                .then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
        as("monitor").queryParam("since", "2099-01-01T00:00:00Z").get("/api/v1/compliance/violations")
                .then().statusCode(200).body("total", equalTo(0));
        Problems.assertProblem(as("monitor").queryParam("code", "LATE").get("/api/v1/compliance/violations"), 400, "invalid-request")
                .body("errors[0].field", equalTo("code"));
        Problems.assertProblem(as("monitor").queryParam("since", "yesterday").get("/api/v1/compliance/violations"), 400, "invalid-request");
        Problems.assertProblem(as("monitor").queryParam("size", 0).get("/api/v1/compliance/violations"), 400, "invalid-request");
        Problems.assertProblem(as("monitor").queryParam("page", -1).get("/api/v1/compliance/violations"), 400, "invalid-request");
    }
}
