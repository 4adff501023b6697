package com.tracklane.web.pages.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.tracklane.support.Examples;
import com.tracklane.support.StaffSession;
import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitoring desk on compliance's services: an arrival and check-ins recorded by forms (local times in the
 * destination's zone), the day-by-day strip, bad input back on the page with what was typed, the violations list and
 * a confirmed sweep.
 */
@QuarkusTest
class MonitorDeskTest {

    StaffSession monitor;

    @BeforeEach
    void signIn() {
        monitor = StaffSession.signIn("monitor");
    }

    /** An approved Residence Track application KH→JP (arrives NRT 2020-09-15 07:30), through the API. */
    static String approved() throws Exception {
        String trip = Examples.withoutKnownAt(Files.readString(Path.of("examples/eligibility-resident.json")));
        String body = """
                {"applicant": {"givenName": "Dara", "familyName": "Monitor", "passportNumber": "N%07d", "nationality": "KH",
                               "dateOfBirth": "1990-04-01", "email": "dara@example.com"},
                 "request": %s}""".formatted((int) (Math.random() * 9_999_999), trip);
        Response created = given().header("Authorization", "Bearer " + Tokens.token("intake", "intake-test")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/applications");
        created.then().statusCode(201);
        given().header("Authorization", "Bearer " + Tokens.token("officer", "officer-test")).header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON).body("{\"action\":\"APPROVE\"}").post("/api/v1/applications/" + created.path("id") + "/decision")
                .then().statusCode(200);
        return created.path("id");
    }

    Response arrive(String id) {
        return monitor.form().formParam("airport", "nrt").formParam("arrivedAt", "2020-09-15T07:30")
                .formParam("address", "1-1 Marunouchi, Tokyo").formParam("addressLat", "35.68").formParam("addressLon", "139.76")
                .post("/monitor/travellers/" + id + "/arrival");
    }

    @Test
    void shouldStartMonitoringAndShowTheStripWhenTheArrivalAndACheckInAreRecorded() throws Exception {
        String id = approved();
        monitor.page().get("/monitor").then().statusCode(200).body(containsString("/monitor/travellers/" + id));
        arrive(id).then().statusCode(303).header("Location", containsString("/monitor/travellers/" + id + "?done=arrival"));
        String page = monitor.page().get("/monitor/travellers/" + id + "?done=arrival").then().statusCode(200)
                .body(containsString("The arrival is recorded")).body(containsString("Day 14")).body(containsString("Quarantine"))
                .body(containsString("Local time: Japan Time"))
                .body(containsString("<input type=\"checkbox\" name=\"symptoms\" value=\"LOSS_OF_TASTE_OR_SMELL\"> Loss of taste or smell"))
                .extract().asString();
        monitor.form().formParam("key", StaffSession.input(page, "key")).formParam("at", "2020-09-16T09:00").formParam("temperature", "38,2")
                .formParam("symptoms", "COUGH").formParam("lat", "35.68").formParam("lon", "139.76").formParam("transport", "NONE")
                .formParam("testResult", "").post("/monitor/travellers/" + id + "/check-ins").then().statusCode(303);
        String after = monitor.page().get("/monitor/travellers/" + id).then().statusCode(200).extract().asString();
        assertThat(after).contains("received: 1").contains("Fever").contains("Symptoms").contains("38.2 °C");
        assertThat(after).doesNotContain("+09:00").doesNotContain("FEVER<");
        monitor.page().get("/monitor").then().statusCode(200).body(containsString("2 violations"));
    }

    @Test
    void shouldGiveThePageBackWithTheProblemsAndTheInputWhenACheckInIsWrong() throws Exception {
        String id = approved();
        arrive(id).then().statusCode(303);
        String page = monitor.page().get("/monitor/travellers/" + id).then().extract().asString();
        String html = monitor.form().formParam("key", StaffSession.input(page, "key")).formParam("at", "2020-09-16T09:00")
                .formParam("temperature", "52").formParam("symptoms", "HEADACHE").formParam("symptoms", "COUGH").formParam("lat", "north").formParam("lon", "139.76")
                .formParam("transport", "WALK").post("/monitor/travellers/" + id + "/check-ins").then().statusCode(400).extract().asString();
        assertThat(html).contains("class=\"error-summary\"").contains("href=\"#temperature\"").contains("href=\"#lat\"")
                .contains("id=\"temperature-error\"").contains("value=\"52\"").contains("value=\"north\"")
                .contains("<option value=\"WALK\" selected>")
                .contains("value=\"HEADACHE\" checked> Headache").contains("value=\"COUGH\" checked> Cough")
                .contains("value=\"FATIGUE\"> Tiredness");
        monitor.page().get("/monitor/travellers/" + id).then().body(containsString("No check-in yet"));
    }

    @Test
    void shouldOpenTheTravellerByReferenceOrIdAndSaySoWhenNoneMatches() throws Exception {
        String id = approved();
        String reference = given().header("Authorization", "Bearer " + Tokens.token("officer", "officer-test"))
                .get("/api/v1/applications/" + id).path("reference");
        monitor.page().queryParam("application", " " + reference.toLowerCase(java.util.Locale.ROOT) + " ").get("/monitor/travellers")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/monitor/travellers/" + id));
        monitor.page().queryParam("application", id).get("/monitor/travellers")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/monitor/travellers/" + id));
        monitor.page().queryParam("application", "RT-KHJP-2020-999999").get("/monitor/travellers")
                .then().statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("/monitor?missing=true"));
        monitor.page().get("/monitor?missing=true").then().statusCode(200)
                .body(containsString("No application you may see has this reference."));
    }

    @Test
    void shouldShowTheSweepResultWhenTheSweepIsConfirmed() {
        monitor.page().get("/monitor/sweep").then().statusCode(200).body(containsString("Yes, run the sweep now"));
        monitor.form().formParam("confirm", "true").post("/monitor/sweep").then().statusCode(200)
                .body(containsString("The sweep is done.")).body(containsString("Monitorings examined"));
        given().redirects().follow(false).accept("text/html").cookie(monitor.session()).contentType("application/x-www-form-urlencoded")
                .formParam("confirm", "true").post("/monitor/sweep").then().statusCode(400);
    }

    @Test
    void shouldListTheViolationsAndRefuseAnUnreadableFilterWhenTheListIsOpened() throws Exception {
        monitor.page().queryParam("since", "yesterday").get("/monitor/violations").then().statusCode(200)
                .body(containsString("id=\"since-error\"")).body(containsString("value=\"yesterday\""));
        monitor.page().queryParam("code", "FEVER").get("/monitor/violations").then().statusCode(200)
                .body(containsString("<option value=\"FEVER\" selected>Fever</option>"));
    }
}
