package com.tracklane.track.rest;

import static com.tracklane.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box tests of {@code GET /api/v1/tracks}, {@code GET /api/v1/tracks/{id}} and {@code GET /api/v1/facts}.
 * Expected versions, statuses and instants are read off the shipped rule-set files
 * ({@code src/main/resources/rulesets/*.yaml}): a version without {@code publishedAt} is published at its
 * {@code effectiveFrom}.
 */
@QuarkusTest
class TrackResourceTest {

    static final List<String> IDS = List.of("business-jp-kh", "business-kh-jp", "resident-jp-kh", "resident-kh-jp");

    static Response tracks(String query) {
        return given().accept("application/json").when().get("/api/v1/tracks" + query);
    }

    static String track(String id) {
        return "find { it.id == '" + id + "' }";
    }

    /** Asserts one entry of the track list. */
    static void assertTrack(ValidatableResponse response, String id, String track, String origin, String destination,
                            String status, int version, String effectiveFrom) {
        response.body(track(id) + ".track", equalTo(track))
                .body(track(id) + ".origin", equalTo(origin))
                .body(track(id) + ".destination", equalTo(destination))
                .body(track(id) + ".status", equalTo(status))
                .body(track(id) + ".version", equalTo(version))
                .body(track(id) + ".effectiveFrom", equalTo(effectiveFrom));
    }

    static void assertNextChange(ValidatableResponse response, String id, String at, String status, int version) {
        response.body(track(id) + ".nextChange.at", equalTo(at))
                .body(track(id) + ".nextChange.status", equalTo(status))
                .body(track(id) + ".nextChange.version", equalTo(version));
    }

    /** {@code nextChange} is present and null, as the contract's {@code {"at","status"}|null} says. */
    static void assertNoNextChange(ValidatableResponse response, String id) {
        response.body(track(id), hasKey("nextChange"))
                .body(track(id) + ".nextChange", nullValue());
    }

    @Test
    void shouldListEveryTrackWithTheVersionInForceOn10September2020() {
        ValidatableResponse response = tracks("?at=2020-09-10T00:00:00Z").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("$", hasSize(4))
                .body("id", containsInAnyOrder(IDS.toArray()))
                .body("title", everyItem(notNullValue()));

        assertTrack(response, "resident-kh-jp", "RESIDENT", "KH", "JP", "OPEN", 2, "2020-09-08T00:00:00+09:00");
        assertNextChange(response, "resident-kh-jp", "2021-01-09T00:00:00+09:00", "OPEN", 3);

        assertTrack(response, "business-kh-jp", "BUSINESS", "KH", "JP", "PLANNED", 1, "2020-08-22T00:00:00+07:00");
        assertNextChange(response, "business-kh-jp", "2021-01-14T00:00:00+09:00", "SUSPENDED", 2);

        assertTrack(response, "resident-jp-kh", "RESIDENT", "JP", "KH", "OPEN", 2, "2020-09-08T00:00:00+07:00");
        assertNextChange(response, "resident-jp-kh", "2020-12-12T00:00:00+07:00", "OPEN", 3);

        assertTrack(response, "business-jp-kh", "BUSINESS", "JP", "KH", "PLANNED", 1, "2020-08-22T00:00:00+07:00");
        assertNextChange(response, "business-jp-kh", "2020-11-18T00:00:00+07:00", "OPEN", 2);
    }

    @Test
    void shouldListTheSuspensionOn1February2021() {
        ValidatableResponse response = tracks("?at=2021-02-01T00:00:00Z").then()
                .statusCode(200)
                .body("$", hasSize(4));

        assertTrack(response, "resident-kh-jp", "RESIDENT", "KH", "JP", "SUSPENDED", 5, "2021-01-14T00:00:00+09:00");
        assertNoNextChange(response, "resident-kh-jp");
        assertTrack(response, "business-kh-jp", "BUSINESS", "KH", "JP", "SUSPENDED", 2, "2021-01-14T00:00:00+09:00");
        assertNoNextChange(response, "business-kh-jp");
        assertTrack(response, "resident-jp-kh", "RESIDENT", "JP", "KH", "OPEN", 3, "2020-12-12T00:00:00+07:00");
        assertNoNextChange(response, "resident-jp-kh");
        assertTrack(response, "business-jp-kh", "BUSINESS", "JP", "KH", "CLOSED", 3, "2020-12-12T00:00:00+07:00");
        assertNoNextChange(response, "business-jp-kh");
    }

    @Test
    void shouldSwitchVersionsExactlyAtEffectiveFrom() {
        // resident-kh-jp v5 is effective from 2021-01-14T00:00+09:00 = 2021-01-13T15:00:00Z
        ValidatableResponse before = tracks("?at=2021-01-13T14:59:59Z").then().statusCode(200);
        assertTrack(before, "resident-kh-jp", "RESIDENT", "KH", "JP", "OPEN", 4, "2021-01-13T00:00:00+09:00");
        assertNextChange(before, "resident-kh-jp", "2021-01-14T00:00:00+09:00", "SUSPENDED", 5);

        ValidatableResponse at = given().queryParam("at", "2021-01-14T00:00:00+09:00").when().get("/api/v1/tracks")
                .then().statusCode(200);
        assertTrack(at, "resident-kh-jp", "RESIDENT", "KH", "JP", "SUSPENDED", 5, "2021-01-14T00:00:00+09:00");
    }

    @Test
    void shouldHideVersionsPublishedAfterKnownAt() {
        // On 2021-01-10 the suspension (published 2021-01-13) was not known: resident-kh-jp v4 OPEN, no next change;
        // business-kh-jp still v1 PLANNED; business-jp-kh v3 CLOSED (published at its effectiveFrom, 2020-12-12).
        ValidatableResponse response = tracks("?at=2021-02-01T00:00:00Z&knownAt=2021-01-10T00:00:00Z").then()
                .statusCode(200)
                .body("$", hasSize(4));
        assertTrack(response, "resident-kh-jp", "RESIDENT", "KH", "JP", "OPEN", 4, "2021-01-13T00:00:00+09:00");
        assertNoNextChange(response, "resident-kh-jp");
        assertTrack(response, "business-kh-jp", "BUSINESS", "KH", "JP", "PLANNED", 1, "2020-08-22T00:00:00+07:00");
        assertNoNextChange(response, "business-kh-jp");
        assertTrack(response, "business-jp-kh", "BUSINESS", "JP", "KH", "CLOSED", 3, "2020-12-12T00:00:00+07:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2020-09-10", "2020-09-10T00:00:00", "2020-13-10T00:00:00Z"})
    void shouldRejectABadAt(String at) {
        assertProblem(given().queryParam("at", at).when().get("/api/v1/tracks"), 400, "invalid-request")
                .body("errors.field", contains("at"))
                .body("errors[0].message", notNullValue());
    }

    @Test
    void shouldRejectABadKnownAt() {
        assertProblem(tracks("?knownAt=soon"), 400, "invalid-request")
                .body("errors.field", contains("knownAt"));
        assertProblem(given().when().get("/api/v1/tracks/resident-kh-jp?knownAt=soon"), 400, "invalid-request")
                .body("errors.field", contains("knownAt"));
    }

    @Test
    void shouldServeARuleSetWithItsVersionsRulesAndParameters() {
        ValidatableResponse response = given().when().get("/api/v1/tracks/resident-kh-jp").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("id", equalTo("resident-kh-jp"))
                .body("track", equalTo("RESIDENT"))
                .body("origin", equalTo("KH"))
                .body("destination", equalTo("JP"))
                .body("title", equalTo("Resident Track, Cambodia → Japan"))
                .body("versions.version", contains(1, 2, 3, 4, 5))
                .body("versions.status", contains("PLANNED", "OPEN", "OPEN", "OPEN", "SUSPENDED"))
                // every version carries the rules (a status-only version keeps its predecessor's)
                .body("versions.rules", everyItem(hasSize(8)))
                .body("versions[0].rules.id", contains("STAY_LONGER_THAN_14_DAYS", "NATIONALITY_AND_RESIDENCE",
                        "STATUS_OF_RESIDENCE", "WRITTEN_PLEDGE", "HEALTH_MONITORING", "ROUTING", "PRE_DEPARTURE_TEST",
                        "MEDICAL_INSURANCE"))
                .body("versions.rules.flatten().id", everyItem(notNullValue()))
                .body("versions.rules.flatten().title", everyItem(not(equalTo(""))))
                .body("versions.rules.flatten().severity", everyItem(notNullValue()))
                .body("versions.rules.flatten().condition", everyItem(not(equalTo(""))))
                .body("versions.rules.flatten().citation.url", everyItem(startsWith("http")))
                .body("versions[0].rules.find { it.id == 'STAY_LONGER_THAN_14_DAYS' }.severity", equalTo("BLOCKING"))
                .body("versions[0].rules.find { it.id == 'STAY_LONGER_THAN_14_DAYS' }.condition",
                        equalTo("!hasReturn || stayDays > params.minStayDaysExclusive"))
                .body("versions[0].rules.find { it.id == 'MEDICAL_INSURANCE' }.severity", equalTo("REQUIREMENT"))
                .body("versions[0].rules.find { it.id == 'PRE_DEPARTURE_TEST' }.applicableWhen",
                        equalTo("params.preDepartureTestRequired"))
                // parameters, typed
                .body("versions[0].parameters.minStayDaysExclusive.type", equalTo("int"))
                .body("versions[0].parameters.minStayDaysExclusive.value", equalTo(14))
                .body("versions[0].parameters.testWindowHours.value", equalTo(72))
                .body("versions[0].parameters.feverThresholdC.type", equalTo("double"))
                .body("versions[0].parameters.feverThresholdC.value", equalTo(37.5f))
                .body("versions[0].parameters.arrivalAirports.type", equalTo("list<string>"))
                .body("versions[0].parameters.arrivalAirports.value", contains("NRT", "HND", "KIX"))
                .body("versions[0].parameters.pledgeOrganisationCountry", equalTo(Map.of("type", "string", "value", "JP")))
                .body("versions.parameters.preDepartureTestRequired.type", everyItem(equalTo("bool")))
                // v2 inherits v1's parameters; v3 turns the test on and v4 keeps it
                .body("versions.parameters.preDepartureTestRequired.value", contains(false, false, false, true, true))
                .body("versions.parameters.minStayDaysExclusive.value", everyItem(equalTo(14)))
                .body("versions[0].obligations.code", contains("QUARANTINE", "NO_PUBLIC_TRANSPORT", "LOCATION_RECORD",
                        "DAILY_HEALTH_REPORT"))
                .body("versions[0].obligations.find { it.code == 'QUARANTINE' }.fromDay", equalTo(0))
                .body("versions[0].obligations.find { it.code == 'QUARANTINE' }.untilDay", equalTo(14))
                .body("versions[0].obligations.find { it.code == 'DAILY_HEALTH_REPORT' }.fromDay", equalTo(1))
                .body("versions.citation.url", everyItem(startsWith("http")));

        JsonPath body = response.extract().jsonPath();
        assertThat(instants(body.getList("versions.effectiveFrom", String.class))).containsExactly(
                Instant.parse("2020-08-21T17:00:00Z"), // 2020-08-22T00:00+07:00
                Instant.parse("2020-09-07T15:00:00Z"), // 2020-09-08T00:00+09:00
                Instant.parse("2021-01-08T15:00:00Z"), // 2021-01-09T00:00+09:00
                Instant.parse("2021-01-12T15:00:00Z"), // 2021-01-13T00:00+09:00
                Instant.parse("2021-01-13T15:00:00Z")); // 2021-01-14T00:00+09:00
        assertThat(instants(body.getList("versions.publishedAt", String.class))).containsExactly(
                Instant.parse("2020-08-21T17:00:00Z"), // 2020-08-22T00:00+07:00
                Instant.parse("2020-08-31T15:00:00Z"), // 2020-09-01T00:00+09:00
                Instant.parse("2021-01-07T15:00:00Z"), // 2021-01-08T00:00+09:00 (airport test)
                Instant.parse("2021-01-07T15:00:00Z"), // 2021-01-08T00:00+09:00 (72 h test, same decision)
                Instant.parse("2021-01-12T15:00:00Z")); // 2021-01-13T00:00+09:00
        // the rules of a status-only version are its predecessor's
        assertThat(body.<Object>getList("versions[1].rules")).isEqualTo(body.getList("versions[0].rules"));
        assertThat(body.<Object>getList("versions[3].rules")).isEqualTo(body.getList("versions[2].rules"));
    }

    @Test
    void shouldServeTitlesInTheRequestedLanguageWithTheSameIds() {
        // resident-kh-jp.yaml: title.ja
        given().header("Accept-Language", "ja").when().get("/api/v1/tracks/resident-kh-jp").then()
                .statusCode(200)
                .body("id", equalTo("resident-kh-jp"))
                .body("title", equalTo("レジデンストラック（カンボジア → 日本）"))
                .body("versions[0].rules.id", hasItem("STAY_LONGER_THAN_14_DAYS"))
                .body("versions[0].rules.find { it.id == 'STAY_LONGER_THAN_14_DAYS' }.title", equalTo("14日を超える滞在"))
                .body("versions[0].rules.find { it.id == 'STAY_LONGER_THAN_14_DAYS' }.condition",
                        equalTo("!hasReturn || stayDays > params.minStayDaysExclusive"));
        given().header("Accept-Language", "ja").queryParam("at", "2020-09-10T00:00:00Z").when().get("/api/v1/tracks").then()
                .statusCode(200)
                .body(track("resident-kh-jp") + ".title", equalTo("レジデンストラック（カンボジア → 日本）"))
                .body(track("resident-kh-jp") + ".status", equalTo("OPEN"));
    }

    @Test
    void shouldServeOnlyTheVersionsKnownAtKnownAt() {
        given().when().get("/api/v1/tracks/resident-kh-jp?knownAt=2021-01-10T00:00:00Z").then()
                .statusCode(200)
                .body("versions.version", contains(1, 2, 3, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"business-kh-jp", "resident-jp-kh", "business-jp-kh"})
    void shouldServeEveryShippedRuleSet(String id) {
        // business-jp-kh v1 knows nothing of Cambodia's lane (announced 2020-11-12): its rules come with v2.
        given().when().get("/api/v1/tracks/" + id).then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("versions.version", hasItem(1))
                .body("versions[1].rules.size()", not(equalTo(0)));
    }

    @Test
    void shouldAnswer404ForAnUnknownRuleSet() {
        assertProblem(given().when().get("/api/v1/tracks/resident-kh-xx"), 404, "not-found")
                .body("detail", containsString("resident-kh-xx"));
    }

    @Test
    void shouldListTheFactsWithTheirTypes() {
        given().when().get("/api/v1/facts").then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("find { it.name == 'stayDays' }.type", equalTo("int"))
                .body("find { it.name == 'hasReturn' }.type", equalTo("bool"))
                .body("find { it.name == 'entryDate' }.type", equalTo("date"))
                .body("find { it.name == 'testHoursBeforeDeparture' }.type", equalTo("double"))
                .body("find { it.name == 'outboundStays' }.type", equalTo("list<string>"))
                .body("find { it.name == 'nationality' }.type", equalTo("string"))
                .body("description", everyItem(not(equalTo(""))))
                .body("$", everyItem(hasEntry(equalTo("name"), notNullValue())));
    }

    private static List<Instant> instants(List<String> texts) {
        return texts.stream().map(t -> t.endsWith("Z") ? Instant.parse(t) : OffsetDateTime.parse(t).toInstant()).toList();
    }
}
