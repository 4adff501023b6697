package com.tracklane.eligibility.rest;

import com.tracklane.common.JsonBodies;

import static com.tracklane.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.support.Examples;
import com.tracklane.support.Problems;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black-box tests of {@code POST /api/v1/eligibility} and {@code POST /api/v1/eligibility/batch} against the spec's
 * "HTTP contract". Expected values come from the spec and from the rule-set files under
 * {@code src/main/resources/rulesets/}, never from the service's own answers.
 */
@QuarkusTest
class EligibilityResourceTest {

    static final String CHECK = "/api/v1/eligibility";
    static final String BATCH = "/api/v1/eligibility/batch";
    static final int MAX_BODY = 256 * 1024;

    @TestHTTPResource(CHECK)
    URL checkUrl;

    static Response post(String body) {
        return post(CHECK, body, "en");
    }

    static Response post(String path, String body, String language) {
        return given()
                .contentType(ContentType.JSON)
                .header("Accept-Language", language)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post(path);
    }

    static Response post(JsonNode body) {
        return post(Examples.text(body));
    }

    /** A one-way or return itinerary leg. */
    static ObjectNode leg(String from, String to, String departure, String arrival) {
        ObjectNode leg = Examples.JSON.createObjectNode();
        leg.put("from", from).put("to", to).put("departure", departure).put("arrival", arrival);
        return leg;
    }

    static ObjectNode withItinerary(ObjectNode request, ObjectNode... legs) {
        ArrayNode itinerary = request.putArray("itinerary");
        for (ObjectNode leg : legs) {
            itinerary.add(leg);
        }
        return request;
    }

    @Nested
    class TheSpecExample {

        @Test
        void shouldDecideEligibleUnderTheResidentTrackVersion2() {
            post(Examples.eligibilityText()).then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .header("Content-Language", "en")
                    .body("outcome", equalTo("ELIGIBLE"))
                    .body("track", equalTo("RESIDENT"))
                    // resident-kh-jp.yaml: v2 (OPEN, effective 2020-09-08T00:00+09:00, published 2020-09-01) is in
                    // force for an entry on 2020-09-15 and known at 2020-09-10.
                    .body("ruleSet.id", equalTo("resident-kh-jp"))
                    .body("ruleSet.version", equalTo(2))
                    .body("ruleSet.status", equalTo("OPEN"))
                    .body("route.origin", equalTo("KH"))
                    .body("route.destination", equalTo("JP"))
                    .body("entryAt", equalTo("2020-09-15T07:30:00+09:00"))
                    .body("knownAt", equalTo("2020-09-10T00:00:00Z"))
                    // 2020-09-15 → 2020-10-20 (Tokyo dates) = 35 nights
                    .body("stayDays", equalTo(35))
                    .body("results.ruleId", containsInAnyOrder("TRACK_OPEN", "STAY_LONGER_THAN_14_DAYS",
                            "NATIONALITY_AND_RESIDENCE", "STATUS_OF_RESIDENCE", "WRITTEN_PLEDGE", "HEALTH_MONITORING",
                            "ROUTING", "PRE_DEPARTURE_TEST", "MEDICAL_INSURANCE"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.severity", equalTo("BLOCKING"))
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.message",
                            equalTo("Stay of 35 days is longer than 14 days."))
                    // v2 inherits preDepartureTestRequired=false from v1 (the test rule comes with v3, 2021-01-13)
                    .body("results.find { it.ruleId == 'PRE_DEPARTURE_TEST' }.outcome", equalTo("NOT_APPLICABLE"))
                    .body("results.findAll { it.outcome != 'PASS' }.ruleId", contains("PRE_DEPARTURE_TEST"))
                    .body("results.title", everyItem(not(equalTo(""))))
                    .body("results.message", everyItem(notNullValue()))
                    .body("results.citation", everyItem(notNullValue()))
                    .body("results.citation.url", everyItem(startsWith("http")))
                    // Japan: arrival date is day 0, quarantine through day 14
                    .body("obligations.find { it.code == 'QUARANTINE' }.from", equalTo("2020-09-15"))
                    .body("obligations.find { it.code == 'QUARANTINE' }.until", equalTo("2020-09-29"))
                    .body("obligations.code", containsInAnyOrder("QUARANTINE", "NO_PUBLIC_TRANSPORT",
                            "LOCATION_RECORD", "DAILY_HEALTH_REPORT"))
                    .body("obligations.find { it.code == 'DAILY_HEALTH_REPORT' }.from", equalTo("2020-09-16"))
                    .body("warnings", empty())
                    // business-kh-jp.yaml: v1 PLANNED (never opened); the stay is not shorter than 14 days
                    .body("alternatives", hasSize(1))
                    .body("alternatives[0].track", equalTo("BUSINESS"))
                    .body("alternatives[0].ruleSet.id", equalTo("business-kh-jp"))
                    .body("alternatives[0].ruleSet.version", equalTo(1))
                    .body("alternatives[0].ruleSet.status", equalTo("PLANNED"))
                    .body("alternatives[0].outcome", equalTo("NOT_ELIGIBLE"))
                    .body("alternatives[0].failed", containsInAnyOrder("TRACK_OPEN", "STAY_SHORTER_THAN_14_DAYS"))
                    .body("alternatives[0].pending", empty());
        }

        @Test
        void shouldReturnNoAlternativesWhenTheTrackIsGiven() {
            ObjectNode request = Examples.eligibility().put("track", "RESIDENT");
            post(request).then()
                    .statusCode(200)
                    .body("outcome", equalTo("ELIGIBLE"))
                    .body("track", equalTo("RESIDENT"))
                    .body("ruleSet.id", equalTo("resident-kh-jp"))
                    .body("alternatives", empty());
        }

        @Test
        void shouldDecideOnlyTheGivenTrackEvenWhenItIsTheWorse() {
            ObjectNode request = Examples.eligibility().put("track", "BUSINESS");
            post(request).then()
                    .statusCode(200)
                    .body("outcome", equalTo("NOT_ELIGIBLE"))
                    .body("track", equalTo("BUSINESS"))
                    .body("ruleSet.id", equalTo("business-kh-jp"))
                    .body("ruleSet.status", equalTo("PLANNED"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("FAIL"))
                    .body("results.find { it.ruleId == 'STAY_SHORTER_THAN_14_DAYS' }.outcome", equalTo("FAIL"))
                    .body("alternatives", empty());
        }

        @Test
        void shouldAnswerInJapaneseWithTheSameIdsAndOutcomes() {
            JsonPath en = post(CHECK, Examples.eligibilityText(), "en").then()
                    .statusCode(200).header("Content-Language", "en").extract().jsonPath();
            JsonPath ja = post(CHECK, Examples.eligibilityText(), "ja").then()
                    .statusCode(200).header("Content-Language", "ja").extract().jsonPath();

            // ids, codes and outcomes never change with the language
            assertThat(ja.getString("outcome")).isEqualTo(en.getString("outcome"));
            assertThat(ja.getString("track")).isEqualTo(en.getString("track"));
            assertThat(ja.getMap("ruleSet")).isEqualTo(en.getMap("ruleSet"));
            assertThat(ja.getList("results.ruleId")).isEqualTo(en.getList("results.ruleId"));
            assertThat(ja.getList("results.outcome")).isEqualTo(en.getList("results.outcome"));
            assertThat(ja.getList("results.severity")).isEqualTo(en.getList("results.severity"));
            assertThat(ja.getList("obligations.code")).isEqualTo(en.getList("obligations.code"));
            assertThat(ja.getList("alternatives")).isEqualTo(en.getList("alternatives"));

            // The built-in TRACK_OPEN rule is translated in code; the rule sets carry ja texts for every rule.
            String japanese = "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]";
            List<String> enTitles = en.getList("results.title");
            List<String> jaTitles = ja.getList("results.title");
            List<String> enMessages = en.getList("results.message");
            List<String> jaMessages = ja.getList("results.message");
            for (int i = 0; i < enTitles.size(); i++) {
                String ruleId = en.getString("results[" + i + "].ruleId");
                assertThat(jaTitles.get(i)).as("ja title of %s", ruleId).isNotEqualTo(enTitles.get(i)).containsPattern(japanese);
                assertThat(jaMessages.get(i)).as("ja message of %s", ruleId).isNotEqualTo(enMessages.get(i)).containsPattern(japanese);
            }
            List<String> enDetails = en.getList("obligations.detail");
            List<String> jaDetails = ja.getList("obligations.detail");
            for (int i = 0; i < enDetails.size(); i++) {
                assertThat(jaDetails.get(i)).as("ja detail of obligation %s", en.getString("obligations[" + i + "].code"))
                        .isNotEqualTo(enDetails.get(i)).containsPattern(japanese);
            }
            String enTitle = en.getString("results.find { it.ruleId == 'TRACK_OPEN' }.title");
            String jaTitle = ja.getString("results.find { it.ruleId == 'TRACK_OPEN' }.title");
            String enMessage = en.getString("results.find { it.ruleId == 'TRACK_OPEN' }.message");
            String jaMessage = ja.getString("results.find { it.ruleId == 'TRACK_OPEN' }.message");
            assertThat(jaTitle).isNotEqualTo(enTitle).containsPattern(japanese);
            assertThat(jaMessage).isNotEqualTo(enMessage).containsPattern(japanese);
        }

        @Test
        void shouldPickTheFirstSupportedLanguageAndFallBackToEnglish() {
            post(CHECK, Examples.eligibilityText(), "de-DE, km;q=0.8, ja;q=0.5").then()
                    .statusCode(200).header("Content-Language", "km");
            post(CHECK, Examples.eligibilityText(), "fr").then()
                    .statusCode(200).header("Content-Language", "en")
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.title", equalTo(
                            post(Examples.eligibilityText()).jsonPath()
                                    .getString("results.find { it.ruleId == 'TRACK_OPEN' }.title")));
        }

        static Stream<Arguments> sameTripWithOffsets() {
            return Stream.of(
                    Arguments.of("the airports' own offsets", List.of(
                            "2020-09-14T23:50+07:00", "2020-09-15T07:30+09:00",
                            "2020-10-20T10:30+09:00", "2020-10-20T15:00+07:00")),
                    Arguments.of("UTC (offsets that are not the airports' own)", List.of(
                            "2020-09-14T16:50Z", "2020-09-14T22:30Z",
                            "2020-10-20T01:30Z", "2020-10-20T08:00Z")),
                    Arguments.of("offsets with seconds", List.of(
                            "2020-09-14T23:50:00+07:00", "2020-09-15T07:30:00+09:00",
                            "2020-10-20T10:30:00+09:00", "2020-10-20T15:00:00+07:00")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("sameTripWithOffsets")
        void shouldGiveAnIdenticalAnswerWhenTimesCarryOffsets(String form, List<String> times) throws Exception {
            JsonNode local = Examples.JSON.readTree(post(Examples.eligibilityText()).then().statusCode(200)
                    .extract().asString());

            ObjectNode request = Examples.eligibility();
            ArrayNode itinerary = (ArrayNode) request.get("itinerary");
            ((ObjectNode) itinerary.get(0)).put("departure", times.get(0)).put("arrival", times.get(1));
            ((ObjectNode) itinerary.get(1)).put("departure", times.get(2)).put("arrival", times.get(3));
            JsonNode withOffsets = Examples.JSON.readTree(post(request).then().statusCode(200).extract().asString());

            assertThat(withOffsets).as("answer with %s", form).isEqualTo(local);
        }

        @Test
        void shouldTreatATripWithoutReturnAsOpenEnded() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "2020-09-14T23:50", "2020-09-15T07:30"));
            post(request).then()
                    .statusCode(200)
                    .body("outcome", equalTo("ELIGIBLE"))
                    .body("stayDays", nullValue())
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.outcome", equalTo("PASS"))
                    .body("obligations.find { it.code == 'QUARANTINE' }.until", equalTo("2020-09-29"))
                    .body("alternatives[0].failed", hasItem("STAY_SHORTER_THAN_14_DAYS"));
        }

        @Test
        void shouldFindAStayOfExactly14DaysInNeitherTrack() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "2020-09-14T23:50", "2020-09-15T07:30"),
                    leg("NRT", "PNH", "2020-09-29T10:30", "2020-09-29T15:00"));
            post(request).then()
                    .statusCode(200)
                    .body("outcome", equalTo("NOT_ELIGIBLE"))
                    .body("stayDays", equalTo(14))
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.outcome", equalTo("FAIL"))
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.message",
                            containsString("neither track"))
                    .body("alternatives[0].failed", hasItem("STAY_SHORTER_THAN_14_DAYS"));
        }
    }

    @Nested
    class KnownAtReplay {

        /** An entry into Japan on 2021-01-20, after the suspension of 2021-01-14T00:00+09:00. */
        ObjectNode entryOn20January2021() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "2021-01-19T23:50", "2021-01-20T07:30"),
                    leg("NRT", "PNH", "2021-03-01T10:30", "2021-03-01T15:00"));
            request.put("track", "RESIDENT");
            // 38 h 50 min before the first departure: inside the 72 h window
            ((ObjectNode) request.get("preDepartureTest")).put("sampledAt", "2021-01-18T09:00+07:00");
            ((ObjectNode) request.get("healthMonitoring")).put("from", "2021-01-01");
            return request;
        }

        @Test
        void shouldAnswerWithTheVersionsKnownAtKnownAt() {
            // resident-kh-jp.yaml: v4 (OPEN, test rule) publishedAt 2021-01-08T00:00+09:00 = 2021-01-07T15:00Z is
            // known on 2021-01-10; v5 (SUSPENDED, effective 2021-01-14) publishedAt 2021-01-13 is not.
            ObjectNode request = entryOn20January2021().put("knownAt", "2021-01-10T00:00:00Z");
            post(request).then()
                    .statusCode(200)
                    .body("knownAt", equalTo("2021-01-10T00:00:00Z"))
                    .body("entryAt", equalTo("2021-01-20T07:30:00+09:00"))
                    .body("ruleSet.id", equalTo("resident-kh-jp"))
                    .body("ruleSet.version", equalTo(4))
                    .body("ruleSet.status", equalTo("OPEN"))
                    .body("outcome", equalTo("ELIGIBLE"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'PRE_DEPARTURE_TEST' }.outcome", equalTo("PASS"));
        }

        @Test
        void shouldIgnoreTheTestRuleBeforeItWasPublished() {
            // On 2020-09-10 only v1 and v2 were published: v2 (OPEN, no test rule) decides the 2021-01-20 entry.
            ObjectNode request = entryOn20January2021().put("knownAt", "2020-09-10T00:00:00Z");
            post(request).then()
                    .statusCode(200)
                    .body("ruleSet.version", equalTo(2))
                    .body("ruleSet.status", equalTo("OPEN"))
                    .body("outcome", equalTo("ELIGIBLE"))
                    .body("results.find { it.ruleId == 'PRE_DEPARTURE_TEST' }.outcome", equalTo("NOT_APPLICABLE"));
        }

        @Test
        void shouldAnswerWithTheSuspensionWhenKnownAtIsNow() {
            // knownAt absent = now: v5 (SUSPENDED from 2021-01-14T00:00+09:00, still carrying the test rule) decides;
            // a visa issued after the suspension gets no grace.
            ObjectNode request = entryOn20January2021();
            request.remove("knownAt");
            ((ObjectNode) request.get("visa")).put("issuedOn", "2021-01-15");
            ((ObjectNode) request.get("traveller")).putArray("recentCountries");
            post(request).then()
                    .statusCode(200)
                    .body("ruleSet.id", equalTo("resident-kh-jp"))
                    .body("ruleSet.version", equalTo(5))
                    .body("ruleSet.status", equalTo("SUSPENDED"))
                    .body("outcome", equalTo("NOT_ELIGIBLE"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("FAIL"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.severity", equalTo("BLOCKING"))
                    // a track that is not open still has its other rules evaluated
                    .body("results.find { it.ruleId == 'PRE_DEPARTURE_TEST' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'STAY_LONGER_THAN_14_DAYS' }.outcome", equalTo("PASS"))
                    .body("results.findAll { it.outcome == 'FAIL' }.ruleId", contains("TRACK_OPEN"));
        }
    }

    @Nested
    class BadInput {

        @Test
        void shouldRejectMalformedJson() {
            assertProblem(post("{\"itinerary\": [ {\"from\": \"PNH\", "), 400, "malformed-json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo("(body)"))
                    .body("errors[0].message", notNullValue());
        }

        @Test
        void shouldRequireTheItinerary() {
            assertProblem(post("{}"), 400, "invalid-request")
                    .body("errors.field", contains("itinerary"))
                    .body("errors[0].message", notNullValue());
        }

        @Test
        void shouldRejectAnUnknownAirport() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("XXX", "NRT", "2020-09-14T23:50", "2020-09-15T07:30"));
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", hasItem("itinerary[0].from"))
                    .body("errors.find { it.field == 'itinerary[0].from' }.message", containsString("XXX"));
        }

        @Test
        void shouldRejectAnArrivalBeforeTheDeparture() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "2020-09-15T07:30", "2020-09-14T23:50"));
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("itinerary[0].arrival"));
        }

        @Test
        void shouldRejectAValueOutsideAnEnum() {
            ObjectNode request = Examples.eligibility();
            ((ObjectNode) request.get("preDepartureTest")).put("method", "SNIFF");
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("preDepartureTest.method"));
        }

        static Stream<Arguments> unknownFields() {
            return Stream.of(
                    Arguments.of("", "passengerName"),
                    Arguments.of("traveller", "traveller.passportNumber"),
                    Arguments.of("itinerary[0]", "itinerary[0].seat"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("unknownFields")
        void shouldRejectAnUnknownField(String parent, String field) {
            ObjectNode request = Examples.eligibility();
            ObjectNode target = switch (parent) {
                case "" -> request;
                case "traveller" -> (ObjectNode) request.get("traveller");
                default -> (ObjectNode) request.get("itinerary").get(0);
            };
            target.put(field.substring(field.lastIndexOf('.') + 1), "x");
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains(field));
        }

        @Test
        void shouldRejectATransitThatIsNotAConnection() {
            ObjectNode request = Examples.eligibility();
            request.putArray("transits").addObject().put("airport", "BKK").put("leavesAirport", true);
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("transits[0].airport"))
                    .body("errors[0].message", containsString("BKK"));
        }

        @Test
        void shouldRejectAnAfterLegThatIsNotAConnection() {
            ObjectNode request = bangkokRoundTrip();
            request.putArray("transits").addObject().put("airport", "BKK").put("afterLeg", 1).put("leavesAirport", true);
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("transits[0].afterLeg"))
                    .body("errors[0].message", containsString("does not arrive at a connection"));
        }

        @Test
        void shouldRejectAnAfterLegThatDisagreesWithTheAirport() {
            ObjectNode request = bangkokRoundTrip();
            request.putArray("transits").addObject().put("airport", "SGN").put("afterLeg", 0).put("leavesAirport", true);
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("transits[0].afterLeg"))
                    .body("errors[0].message", containsString("arrives at BKK, not at SGN"));
        }

        @Test
        void shouldRejectANegativeAfterLeg() {
            ObjectNode request = bangkokRoundTrip();
            request.putArray("transits").addObject().put("airport", "BKK").put("afterLeg", -1);
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("transits[0].afterLeg"));
        }

        @Test
        void shouldRequireAnOffsetInKnownAt() {
            ObjectNode request = Examples.eligibility().put("knownAt", "2020-09-10T00:00:00");
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", contains("knownAt"));
        }

        @Test
        void shouldAnswer422WhenNoRuleSetCoversTheRoute() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "BKK", "2020-09-14T10:00", "2020-09-14T11:10"),
                    leg("BKK", "PNH", "2020-10-20T12:00", "2020-10-20T13:10"));
            assertProblem(post(request), 422, "no-rule-set")
                    .body("detail", containsString("TH"))
                    .body("errors", nullValue());
        }

        @Test
        void shouldRefuseATypeOtherThanJson() {
            Response response = given()
                    .contentType(ContentType.TEXT)
                    .body(Examples.eligibilityText())
                    .when().post(CHECK);
            assertProblem(response, 415, "http-415");
        }

        @Test
        void shouldRefuseGetOnTheCheckEndpoint() {
            assertProblem(given().when().get(CHECK), 405, "http-405");
        }

        @Test
        void shouldAnswer404WithAProblemUnderTheApi() {
            assertProblem(given().when().get("/api/v1/no-such-thing"), 404, "not-found");
        }

        @Test
        void shouldAnswer404WithAProblemOutsideTheApi() {
            assertProblem(given().accept(ContentType.JSON).when().get("/no-such-thing"), 404, "not-found");
        }

        static Stream<Arguments> timesOutOfRange() {
            return Stream.of(
                    Arguments.of("entry at the end of time", withItinerary(Examples.eligibility(),
                            leg("PNH", "NRT", "+999999999-12-31T00:00", "+999999999-12-31T10:00"))),
                    Arguments.of("entry at the start of time", withItinerary(Examples.eligibility(),
                            leg("PNH", "NRT", "-999999999-01-01T00:00", "-999999999-01-01T10:00"))),
                    Arguments.of("return a hundred million years later", withItinerary(Examples.eligibility(),
                            leg("PNH", "NRT", "2020-09-14T23:50", "2020-09-15T07:30"),
                            leg("NRT", "PNH", "+100000000-01-01T10:30", "+100000000-01-01T15:00"))));
        }

        /**
         * Times that parse but name no possible trip are "impossible values": 400, never a 500 nor a decision built on
         * an overflowed count (such as a negative {@code stayDays}).
         */
        @ParameterizedTest(name = "{0}")
        @MethodSource("timesOutOfRange")
        void shouldRejectTimesOutsideAnyPossibleTrip(String what, ObjectNode request) {
            assertProblem(post(request), 400, "invalid-request")
                    .body("errors.field", hasItem(startsWith("itinerary[")));
        }

        static Stream<Arguments> garbage() {
            String leg = "{\"from\":\"PNH\",\"to\":\"NRT\",\"departure\":\"%s\",\"arrival\":\"%s\"}";
            String legs33 = String.join(",", Collections.nCopies(33,
                    leg.formatted("2020-09-14T23:50", "2020-09-15T07:30")));
            return Stream.of(
                    Arguments.of("empty body", ""),
                    Arguments.of("null", "null"),
                    Arguments.of("an array", "[]"),
                    Arguments.of("a number", "42"),
                    Arguments.of("a string", "\"PNH\""),
                    Arguments.of("itinerary not an array", "{\"itinerary\":\"PNH-NRT\"}"),
                    Arguments.of("empty itinerary", "{\"itinerary\":[]}"),
                    Arguments.of("empty leg", "{\"itinerary\":[{}]}"),
                    Arguments.of("33 legs", "{\"itinerary\":[" + legs33 + "]}"),
                    Arguments.of("impossible date", "{\"itinerary\":[" + leg.formatted("2020-02-30T10:00", "2020-02-30T18:00") + "]}"),
                    Arguments.of("not a time", "{\"itinerary\":[" + leg.formatted("the 14th at noon", "the 15th at dawn") + "]}"),
                    Arguments.of("impossible offset", "{\"itinerary\":[" + leg.formatted("2020-09-14T23:50+25:00", "2020-09-15T07:30") + "]}"),
                    Arguments.of("never leaves the origin", "{\"itinerary\":[{\"from\":\"PNH\",\"to\":\"REP\",\"departure\":\"2020-09-14T10:00\",\"arrival\":\"2020-09-14T11:00\"}]}"),
                    Arguments.of("legs overlap", "{\"itinerary\":[" + leg.formatted("2020-09-14T23:50", "2020-09-15T07:30")
                            + ",{\"from\":\"NRT\",\"to\":\"PNH\",\"departure\":\"2020-09-15T06:00\",\"arrival\":\"2020-09-15T10:00\"}]}"),
                    Arguments.of("lowercase airport", "{\"itinerary\":[{\"from\":\"pnh\",\"to\":\"NRT\",\"departure\":\"2020-09-14T23:50\",\"arrival\":\"2020-09-15T07:30\"}]}"),
                    Arguments.of("unknown country", "{\"traveller\":{\"nationality\":\"ZZ\"},\"itinerary\":[" + leg.formatted("2020-09-14T23:50", "2020-09-15T07:30") + "]}"),
                    Arguments.of("fever off the scale", "{\"healthMonitoring\":{\"from\":\"2020-08-30\",\"maxTemperatureC\":1e400},\"itinerary\":["
                            + leg.formatted("2020-09-14T23:50", "2020-09-15T07:30") + "]}"),
                    Arguments.of("wrong type", "{\"traveller\":{\"certificateOfEligibility\":\"yes\"},\"itinerary\":["
                            + leg.formatted("2020-09-14T23:50", "2020-09-15T07:30") + "]}"),
                    Arguments.of("deep nesting", "{\"itinerary\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                    Arguments.of("sampledAt not a time", "{\"preDepartureTest\":{\"method\":\"PCR\",\"specimen\":\"NASAL\",\"result\":\"NEGATIVE\",\"sampledAt\":\"yesterday morning\"},\"itinerary\":["
                            + leg.formatted("2020-09-14T23:50", "2020-09-15T07:30") + "]}"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("garbage")
        void shouldAnswerEveryBadBodyWith400AndNeverWith500(String what, String body) {
            String type = what.equals("deep nesting") ? "malformed-json" : "invalid-request";
            assertProblem(post(body), 400, type)
                    .body("errors", not(empty()))
                    .body("errors.field", everyItem(not(equalTo(""))));
        }
    }

    /** PNH→BKK→NRT out (airside in Bangkok), NRT→BKK, a night in Bangkok, BKK→PNH back. */
    static ObjectNode bangkokRoundTrip() {
        return withItinerary(Examples.eligibility(),
                leg("PNH", "BKK", "2020-10-01T08:00", "2020-10-01T09:10"),
                leg("BKK", "NRT", "2020-10-01T10:30", "2020-10-01T18:40"),
                leg("NRT", "BKK", "2020-11-10T11:00", "2020-11-10T16:00"),
                leg("BKK", "PNH", "2020-11-11T09:00", "2020-11-11T10:10"));
    }

    @Nested
    class ConnectionsByLeg {

        @Test
        void shouldFailRoutingWhenANightOutsideBangkokOnTheWayBackIsDeclaredForTheAirport() {
            ObjectNode request = bangkokRoundTrip().put("track", "RESIDENT");
            request.putArray("transits").addObject().put("airport", "BKK").put("leavesAirport", true);
            post(request).then().statusCode(200)
                    .body("results.find { it.ruleId == 'ROUTING' }.outcome", equalTo("FAIL"))
                    .body("results.find { it.ruleId == 'ROUTING' }.message", containsString("BKK"));
        }

        @Test
        void shouldPassRoutingWhenTheNightOutsideBangkokIsDeclaredForTheReturnConnectionOnly() {
            ObjectNode request = bangkokRoundTrip().put("track", "RESIDENT");
            ArrayNode transits = request.putArray("transits");
            transits.addObject().put("airport", "BKK").put("afterLeg", 0).put("leavesAirport", false);
            transits.addObject().put("airport", "BKK").put("afterLeg", 2).put("leavesAirport", true);
            post(request).then().statusCode(200)
                    .body("results.find { it.ruleId == 'ROUTING' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'ROUTING' }.message", equalTo("Airside connection at BKK, arriving at NRT."));
        }

        @Test
        void shouldAcceptTheVisaDateAndRecentCountriesAndUseThemForTheGraceAfterTheSuspension() {
            ObjectNode request = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "2021-01-19T23:50", "2021-01-20T07:30"),
                    leg("NRT", "PNH", "2021-03-01T10:30", "2021-03-01T15:00"));
            request.put("track", "RESIDENT").put("knownAt", "2021-01-15T00:00:00Z");
            ((ObjectNode) request.get("visa")).put("issuedOn", "2021-01-12");
            ((ObjectNode) request.get("traveller")).putArray("recentCountries");
            post(request).then().statusCode(200)
                    .body("ruleSet.version", equalTo(5))
                    .body("ruleSet.status", equalTo("SUSPENDED"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("PASS"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.message", containsString("2021-01-21 00:00 JST"));
            ((ObjectNode) request.get("traveller")).putArray("recentCountries").add("GB");
            post(request).then().statusCode(200)
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.outcome", equalTo("FAIL"))
                    .body("results.find { it.ruleId == 'TRACK_OPEN' }.message", containsString("A stay in the United Kingdom in the 14 days before entry"));
        }
    }

    @Nested
    class BodySize {

        /** The example check, padded with trailing whitespace (still valid JSON) to exactly {@code size} bytes. */
        String exampleOfSize(int size) {
            String text = Examples.eligibilityText();
            int length = text.getBytes(StandardCharsets.UTF_8).length;
            assertThat(length).isLessThan(size);
            return text + " ".repeat(size - length);
        }

        @Test
        void shouldAcceptABodyOfExactly256KiB() {
            post(exampleOfSize(MAX_BODY)).then()
                    .statusCode(200)
                    .body("outcome", equalTo("ELIGIBLE"));
        }

        @Test
        void shouldRefuseABodyOver256KiBWithContentLength() {
            assertProblem(post(exampleOfSize(MAX_BODY + 1)), 413, "payload-too-large")
                    .body("detail", containsString("256 KiB"));
        }

        @Test
        void shouldRefuseABatchBodyOver4MiB() {
            String body = "{\"checks\":[" + Examples.eligibilityText() + "]}";
            int length = body.getBytes(StandardCharsets.UTF_8).length;
            assertProblem(post(BATCH, body + " ".repeat(JsonBodies.MAX_BATCH_BYTES + 1 - length), "en"), 413, "payload-too-large")
                    .body("detail", containsString("4 MiB"));
        }

        @Test
        void shouldAcceptABatchOf1000RealisticChecksOver256KiB() {
            String body = "{\"checks\":[" + String.join(",", java.util.Collections.nCopies(1000, Examples.eligibilityText())) + "]}";
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(MAX_BODY);
            given().contentType("application/json").body(body).post(BATCH).then().statusCode(200)
                    .body("decisions.size()", equalTo(1000));
        }

        @Test
        void shouldKeepTheLimitOf256KiBForASingleCheck() {
            assertProblem(post(exampleOfSize(MAX_BODY + 1)), 413, "payload-too-large");
        }

        /** RestAssured always declares the length of a body; the JDK client streams an InputStream chunked. */
        HttpResponse<String> postChunked(String body) throws Exception {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(checkUrl.toString()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Test
        void shouldAcceptAChunkedBodyOfExactly256KiB() throws Exception {
            HttpResponse<String> response = postChunked(exampleOfSize(MAX_BODY));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Examples.JSON.readTree(response.body()).path("outcome").asText()).isEqualTo("ELIGIBLE");
        }

        @Test
        void shouldRefuseAChunkedBodyOver256KiB() throws Exception {
            HttpResponse<String> response = postChunked(exampleOfSize(MAX_BODY + 1));
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith(Problems.MEDIA_TYPE));
            JsonNode problem = Examples.JSON.readTree(response.body());
            assertThat(problem.path("type").asText()).isEqualTo(Problems.TYPE_BASE + "payload-too-large");
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("detail").asText()).contains("256 KiB");
        }

        @Test
        void shouldRefuseAVeryLargeChunkedBodyWithAProblem() throws Exception {
            // Larger than the HTTP layer's backstop (quarkus.http.limits.max-body-size=2M): still a 413 problem.
            HttpResponse<String> response = postChunked(exampleOfSize(3 * 1024 * 1024));
            String seen = "headers " + response.headers().map() + ", body '" + response.body() + "'";
            assertThat(response.statusCode()).as(seen).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type")).as(seen).hasValueSatisfying(
                    type -> assertThat(type).startsWith(Problems.MEDIA_TYPE));
            JsonNode problem = Examples.JSON.readTree(response.body());
            assertThat(problem.path("type").asText()).as(seen).isEqualTo(Problems.TYPE_BASE + "payload-too-large");
            assertThat(problem.path("status").asInt()).as(seen).isEqualTo(413);
        }
    }

    @Nested
    class Batch {

        @Test
        void shouldAnswerEveryCheckInOrderWithAProblemAtTheBadIndex() {
            ObjectNode bad = withItinerary(Examples.eligibility(),
                    leg("XXX", "NRT", "2020-09-14T23:50", "2020-09-15T07:30"));
            ObjectNode business = Examples.eligibility().put("track", "BUSINESS");
            String body = "{\"checks\":[" + Examples.eligibilityText() + "," + Examples.text(bad) + ","
                    + Examples.text(business) + "]}";
            post(BATCH, body, "en").then()
                    .statusCode(200)
                    .contentType(startsWith("application/json"))
                    .body("decisions", hasSize(3))
                    .body("decisions[0].outcome", equalTo("ELIGIBLE"))
                    .body("decisions[0].ruleSet.id", equalTo("resident-kh-jp"))
                    .body("decisions[0].stayDays", equalTo(35))
                    .body("decisions[1].outcome", nullValue())
                    .body("decisions[1].type", equalTo(Problems.TYPE_BASE + "invalid-request"))
                    .body("decisions[1].title", not(equalTo("")))
                    .body("decisions[1].status", equalTo(400))
                    .body("decisions[1].detail", notNullValue())
                    .body("decisions[1].errors.field", hasItem("itinerary[0].from"))
                    .body("decisions[2].outcome", equalTo("NOT_ELIGIBLE"))
                    .body("decisions[2].track", equalTo("BUSINESS"))
                    .body("decisions[2].alternatives", empty());
        }

        @Test
        void shouldGiveA422ProblemAtTheIndexOfAnUncoveredRoute() {
            ObjectNode uncovered = withItinerary(Examples.eligibility(),
                    leg("PNH", "BKK", "2020-09-14T10:00", "2020-09-14T11:10"));
            String body = "{\"checks\":[" + Examples.text(uncovered) + ",{}]}";
            post(BATCH, body, "en").then()
                    .statusCode(200)
                    .body("decisions", hasSize(2))
                    .body("decisions[0].status", equalTo(422))
                    .body("decisions[0].type", equalTo(Problems.TYPE_BASE + "no-rule-set"))
                    .body("decisions[1].status", equalTo(400))
                    .body("decisions[1].errors.field", contains("itinerary"));
        }

        @Test
        void shouldGiveAProblemAtTheIndexOfACheckWithImpossibleTimes() {
            ObjectNode endOfTime = withItinerary(Examples.eligibility(),
                    leg("PNH", "NRT", "+999999999-12-31T00:00", "+999999999-12-31T10:00"));
            String body = "{\"checks\":[" + Examples.eligibilityText() + "," + Examples.text(endOfTime) + "]}";
            post(BATCH, body, "en").then()
                    .statusCode(200)
                    .body("decisions", hasSize(2))
                    .body("decisions[0].outcome", equalTo("ELIGIBLE"))
                    .body("decisions[1].status", equalTo(400))
                    .body("decisions[1].type", equalTo(Problems.TYPE_BASE + "invalid-request"))
                    .body("decisions[1].errors.field", hasItem(startsWith("itinerary[")));
        }

        @Test
        void shouldAnswerABatchInTheRequestedLanguage() {
            String body = "{\"checks\":[" + Examples.eligibilityText() + "]}";
            post(BATCH, body, "ja").then()
                    .statusCode(200)
                    .header("Content-Language", "ja")
                    .body("decisions[0].results.find { it.ruleId == 'TRACK_OPEN' }.title",
                            not(equalTo("The track is open for this entry")));
        }

        @Test
        void shouldAcceptExactly1000Checks() {
            String check = Examples.text(Map.of("track", "RESIDENT", "itinerary",
                    List.of(Map.of("from", "PNH", "to", "NRT", "departure", "2020-09-14T23:50", "arrival", "2020-09-15T07:30"))));
            String body = "{\"checks\":[" + String.join(",", Collections.nCopies(1000, check)) + "]}";
            assertThat(body.length()).isLessThanOrEqualTo(MAX_BODY);
            post(BATCH, body, "en").then()
                    .statusCode(200)
                    .body("decisions", hasSize(1000))
                    .body("decisions.ruleSet.id", everyItem(equalTo("resident-kh-jp")));
        }

        @Test
        void shouldRefuseMoreThan1000Checks() {
            String body = "{\"checks\":[" + String.join(",", Collections.nCopies(1001, "{}")) + "]}";
            assertProblem(post(BATCH, body, "en"), 400, "invalid-request")
                    .body("errors.field", contains("checks"))
                    .body("errors[0].message", containsString("1000"));
        }

        @Test
        void shouldRequireChecks() {
            assertProblem(post(BATCH, "{}", "en"), 400, "invalid-request")
                    .body("errors.field", contains("checks"));
            assertProblem(post(BATCH, "{\"checks\":{}}", "en"), 400, "invalid-request")
                    .body("errors.field", contains("checks"));
        }

        @Test
        void shouldRejectAMalformedBatch() {
            assertProblem(post(BATCH, "{\"checks\":[", "en"), 400, "malformed-json");
        }
    }
}
