package com.tracklane.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.tracklane.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The trip checker's form, its problems in words, its answer page and the link that reproduces a check. */
@QuarkusTest
class CheckerPageTest {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** A form post with the CSRF token and cookie of a freshly opened form. */
    static RequestSpecification form(String language) {
        Response page = given().header("Accept-Language", language).get("/");
        Matcher m = CSRF_FIELD.matcher(page.asString());
        assertThat(m.find()).isTrue();
        return given().redirects().follow(false).header("Accept-Language", language).accept("text/html")
                .cookie("tracklane_csrf", page.getCookie("tracklane_csrf")).formParam("csrf-token", m.group(1));
    }

    static final Map<String, String> RESIDENT_TRIP = Map.ofEntries(
            Map.entry("knownAt", "2020-09-10"),
            Map.entry("track", "RESIDENT"),
            Map.entry("traveller.nationality", "KH"), Map.entry("traveller.residenceCountry", "KH"),
            Map.entry("traveller.statusOfResidence", "INTRA_COMPANY_TRANSFEREE"), Map.entry("traveller.certificateOfEligibility", "true"),
            Map.entry("itinerary[0].flight", "NH818"), Map.entry("itinerary[0].from", "PNH"), Map.entry("itinerary[0].to", "Narita"),
            Map.entry("itinerary[0].departure", "2020-09-14T23:50"), Map.entry("itinerary[0].arrival", "2020-09-15T07:30"),
            Map.entry("itinerary[1].from", "NRT"), Map.entry("itinerary[1].to", "pnh"),
            Map.entry("itinerary[1].departure", "2020-10-20T10:30"), Map.entry("itinerary[1].arrival", "2020-10-20T15:00"),
            Map.entry("preDepartureTest.method", "PCR"), Map.entry("preDepartureTest.specimen", "NASOPHARYNGEAL"),
            Map.entry("preDepartureTest.result", "NEGATIVE"), Map.entry("preDepartureTest.sampledAt", "2020-09-12T09:00"),
            Map.entry("healthMonitoring.from", "2020-08-30"), Map.entry("healthMonitoring.maxTemperatureC", "36.9"),
            Map.entry("sponsor.kind", "ORGANISATION"), Map.entry("sponsor.name", "Example KK"), Map.entry("sponsor.country", "JP"),
            Map.entry("sponsor.pledgeSigned", "true"), Map.entry("insurance.kind", "PRIVATE_MEDICAL"),
            Map.entry("insurance.coverageUsd", "100000"), Map.entry("visa.kind", "EMBASSY"), Map.entry("guarantee.issuedOn", "2020-11-19"),
            Map.entry("activitySchedule.accommodation.address", "1-1 Marunouchi, Chiyoda-ku, Tokyo"),
            Map.entry("activitySchedule.accommodation.lat", "35.68"), Map.entry("activitySchedule.accommodation.lon", "139.76"),
            Map.entry("action", "check"));

    static JsonNode requestIn(String location) throws Exception {
        String encoded = location.substring(location.indexOf("r=") + 2);
        return Examples.JSON.readTree(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    @Test
    void shouldShowTheItineraryAndTravellerFirstWhenTheCheckerOpens() {
        String html = given().header("Accept-Language", "en").get("/").then().statusCode(200).extract().asString();
        assertThat(html).contains("name=\"itinerary[0].from\"", "name=\"itinerary[0].departure\"", "name=\"traveller.nationality\"")
                .contains("<option value=\"PNH\">").contains("<details>").contains("name=\"preDepartureTest.method\"");
        assertThat(html.indexOf("traveller.nationality")).isLessThan(html.indexOf("<details"));
        assertThat(html).contains("<option value=\"KH\">Cambodia</option>");
    }

    @Test
    void shouldRedirectToTheAnswerWithTheSameDecisionAsTheApiWhenTheTripIsChecked() throws Exception {
        Response posted = form("en").formParams(RESIDENT_TRIP).post("/check");
        posted.then().statusCode(303);
        String location = posted.getHeader("Location");
        JsonNode request = requestIn(location);
        assertThat(request.at("/itinerary/0/to").asText()).isEqualTo("NRT");
        assertThat(request.at("/knownAt").asText()).isEqualTo("2020-09-10T00:00:00Z");
        assertThat(request.has("applicant")).isFalse();
        String apiOutcome = given().contentType("application/json").body(request.toString()).post("/api/v1/eligibility")
                .then().statusCode(200).extract().path("outcome");
        String answer = given().header("Accept-Language", "en").get(location.substring(location.indexOf("/check")))
                .then().statusCode(200).extract().asString();
        assertThat(apiOutcome).isEqualTo("ELIGIBLE");
        assertThat(answer).contains("✓ Eligible").contains("Cambodia → Japan").contains("Day 14").contains("Quarantine")
                .contains("href=\"/check?r=").doesNotContain("+07:00").doesNotContain("+09:00");
    }

    @Test
    void shouldKeepWhatWasTypedWhenAFlightIsAdded() {
        form("en").formParam("itinerary[0].from", "PNH").formParam("itinerary[0].flight", "NH818").formParam("action", "add:itinerary")
                .post("/check").then().statusCode(200)
                .body(containsString("name=\"itinerary[1].from\""))
                .body(containsString("value=\"NH818\""))
                .body(containsString("Local time at Phnom Penh International Airport (PNH)"));
    }

    @Test
    void shouldShowEachProblemNextToItsFieldWhenTheInputIsBad() {
        String html = form("en").formParam("itinerary[0].from", "Atlantis").formParam("itinerary[0].to", "NRT")
                .formParam("itinerary[0].departure", "soon").formParam("sponsor.name", "Example KK").formParam("action", "check")
                .post("/check").then().statusCode(400).extract().asString();
        assertThat(html).contains("class=\"error-summary\"").contains("href=\"#f-itinerary-0-from\"")
                .contains("No airport matches “Atlantis”").contains("Enter a date and time")
                .contains("id=\"f-itinerary-0-arrival-error\"").contains("This is required.")
                .contains("value=\"Atlantis\"").contains("value=\"Example KK\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void shouldSayInJapaneseWhenNoTrackCoversTheRoute() {
        form("ja").formParam("itinerary[0].from", "BKK").formParam("itinerary[0].to", "SIN")
                .formParam("itinerary[0].departure", "2020-11-20T09:00").formParam("itinerary[0].arrival", "2020-11-20T12:00")
                .post("/check").then().statusCode(400)
                .body(containsString("この経路に対応するトラックはありません"));
    }

    @Test
    void shouldRefuseTheCheckWithoutItsCsrfToken() {
        given().redirects().follow(false).accept("text/html").formParams(RESIDENT_TRIP).post("/check")
                .then().statusCode(400).body(containsString("nothing was changed")).body(not(containsString("Eligible")));
    }

    @Test
    void shouldAnswerAPageInWordsWhenTheLinkIsBroken() {
        given().accept("text/html").header("Accept-Language", "en").get("/check?r=%%%").then().statusCode(400)
                .body(containsString("could not be understood"));
    }

    @Test
    void shouldPrefillTheFormInLocalTimeWhenAChangeIsAskedFor() {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(Examples.eligibilityText().getBytes(StandardCharsets.UTF_8));
        given().get("/?r=" + encoded).then().statusCode(200)
                .body(containsString("value=\"2020-09-12T09:00\""))
                .body(containsString("value=\"PNH\""));
    }
}
