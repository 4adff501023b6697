package com.tracklane.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;

/** Approved applications for each shipped rule set, and requests as each role, for the compliance tests. */
public final class Travellers {

    /** Tokyo: the quarantine address of the KH→JP travellers (the example's accommodation). */
    public static final double TOKYO_LAT = 35.68;
    public static final double TOKYO_LON = 139.76;
    /** Phnom Penh: the quarantine address of the JP→KH travellers. */
    public static final double PHNOM_PENH_LAT = 11.5564;
    public static final double PHNOM_PENH_LON = 104.9282;

    private Travellers() {
    }

    public static RequestSpecification as(String role) {
        return given().header("Authorization", "Bearer " + Tokens.token(role, role + "-test"));
    }

    /** Resident Track KH→JP: arrives NRT 2020-09-15 07:30 JST, leaves 2020-10-20. */
    public static String residentToJapan() throws Exception {
        return approved(Files.readString(Path.of("examples/eligibility-resident.json")));
    }

    /**
     * The resident example shifted to land at NRT on {@code date} 07:30 JST (leaving 35 days later), so an arrival on
     * that day is plausible for it.
     */
    public static String residentToJapanArrivingOn(String date) throws Exception {
        java.time.LocalDate d = java.time.LocalDate.parse(date);
        String trip = Files.readString(Path.of("examples/eligibility-resident.json"))
                .replace("2020-09-14T23:50", d.minusDays(1) + "T23:50").replace("2020-09-15T07:30", d + "T07:30")
                .replace("2020-10-20", d.plusDays(35).toString()).replace("2020-09-12T09:00", d.minusDays(3) + "T09:00")
                .replace("2020-08-30", d.minusDays(16).toString());
        return approved(trip);
    }

    /** Resident Track JP→KH: arrives PNH 2020-10-01 15:00 ICT, leaves 2020-11-20. */
    public static String residentToCambodia() {
        return approved("""
                {"track": "RESIDENT",
                 "itinerary": [
                   {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-10-01T10:30", "arrival": "2020-10-01T15:00"},
                   {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-11-20T23:50", "arrival": "2020-11-21T07:30"}]}""");
    }

    /** Business Track KH→JP: arrives NRT 2020-12-01 07:30 JST, leaves 2020-12-10; accommodation and an office. */
    public static String businessToJapan() {
        return approved("""
                {"track": "BUSINESS",
                 "itinerary": [
                   {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-11-30T23:50", "arrival": "2020-12-01T07:30"},
                   {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-12-10T10:30", "arrival": "2020-12-10T15:00"}],
                 "activitySchedule": {"accommodation": {"address": "1-1 Marunouchi, Chiyoda-ku, Tokyo", "lat": 35.68, "lon": 139.76},
                                      "places": [{"name": "Office", "address": "2-2 Shinjuku, Tokyo", "lat": 35.69, "lon": 139.70}]}}""");
    }

    /** Cambodia's business lane JP→KH: arrives PNH 2020-11-20 15:00 ICT, leaves 2020-11-27. */
    public static String businessToCambodia() {
        return approved("""
                {"track": "BUSINESS",
                 "itinerary": [
                   {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "2020-11-20T10:30", "arrival": "2020-11-20T15:00"},
                   {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "2020-11-27T23:50", "arrival": "2020-11-28T07:30"}],
                 "activitySchedule": {"accommodation": {"address": "Hotel, Phnom Penh", "lat": 11.5564, "lon": 104.9282},
                                      "places": [{"name": "Factory", "address": "Special economic zone", "lat": 11.47, "lon": 104.80}]}}""");
    }

    /** Submits an application for the trip and approves it (as a recorded override when it is not eligible). */
    public static String approved(String trip) {
        String id = submitted(trip);
        Response current = as("officer").get("/api/v1/applications/" + id);
        Response approved = as("officer").header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                .body("{\"action\":\"APPROVE\"}").post("/api/v1/applications/" + id + "/decision");
        if (approved.statusCode() == 409) {
            approved = as("officer").header("If-Match", current.header("ETag")).contentType(ContentType.JSON)
                    .body("{\"action\":\"APPROVE\",\"override\":true,\"reason\":\"compliance test\"}")
                    .post("/api/v1/applications/" + id + "/decision");
        }
        approved.then().statusCode(200);
        return id;
    }

    /** Submits an application for the trip (status SUBMITTED). */
    public static String submitted(String trip) {
        String body = """
                {"applicant": {"givenName": "Sokha", "familyName": "Chan", "passportNumber": "C%07d", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "sokha.chan@example.com"},
                 "request": %s}""".formatted((int) (Math.random() * 9_999_999), Examples.withoutKnownAt(trip));
        return as("intake").contentType(ContentType.JSON).body(body).post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
    }

    public static String arrival(String at, String airport, double lat, double lon) {
        return """
                {"arrivedAt": "%s", "airport": "%s", "quarantineAddress": {"address": "Registered address", "lat": %s, "lon": %s}}"""
                .formatted(at, airport, lat, lon);
    }

    public static Response arrive(String id, String body) {
        return as("monitor").contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + id + "/arrival");
    }

    public static String checkIn(String at, double temperature, double lat, double lon, String transport) {
        return checkIn(at, temperature, "[]", lat, lon, transport, null);
    }

    public static String checkIn(String at, double temperature, String symptoms, double lat, double lon, String transport, String testResult) {
        return """
                {"at": "%s", "temperatureC": %s, "symptoms": %s, "location": {"lat": %s, "lon": %s}, "transport": "%s", "testResult": %s}"""
                .formatted(at, temperature, symptoms, lat, lon, transport, testResult == null ? "null" : "\"" + testResult + "\"");
    }

    public static Response postCheckIn(String id, String body) {
        return as("monitor").contentType(ContentType.JSON).body(body).post("/api/v1/applications/" + id + "/check-ins");
    }

    public static Response sweep(String at) {
        return as("monitor").contentType(ContentType.JSON).body("{\"at\": \"" + at + "\"}").post("/api/v1/compliance/sweeps");
    }

    public static Response report(String id) {
        return as("monitor").get("/api/v1/applications/" + id + "/compliance");
    }
}
