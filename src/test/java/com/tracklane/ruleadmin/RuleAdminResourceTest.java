package com.tracklane.ruleadmin;

import static com.tracklane.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Rule administration end to end: drafts and every reason a version is refused, publication with If-Match, the
 * version applying from its effectiveFrom, knownAt and replay, suspensions, dry runs and the history. Runs on its
 * own application (own profile, freshly migrated database) because it publishes versions; every test works after the
 * last version of its rule set, whatever the other tests published before it.
 */
@QuarkusTest
@TestProfile(RuleAdminResourceTest.OwnDatabase.class)
class RuleAdminResourceTest {

    /** A profile of its own: the published versions stay out of the other tests' application. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tracklane.rule-sets.refresh-every", "1s");
        }
    }

    private static final String BUSINESS = "business-kh-jp";
    private static final String RESIDENT = "resident-kh-jp";
    private static final String CITATION = """
            citation: {title: "Test announcement", date: "2026-11-29", url: "https://www.mofa.go.jp/ca/cp/page25e_000338.html"}
            """;

    @org.junit.jupiter.api.BeforeAll
    static void yamlIsText() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().encodeContentTypeAs("application/yaml", ContentType.TEXT));
    }

    static RequestSpecification admin() {
        return given().header("Authorization", Tokens.bearer("rules-admin"));
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role));
    }

    /** An instant safely after the last version of the rule set (published or draft). */
    static OffsetDateTime nextFrom(String id) {
        List<String> froms = admin().get("/api/v1/tracks/" + id + "/versions").then().statusCode(200)
                .extract().jsonPath().getList("effectiveFrom");
        OffsetDateTime last = OffsetDateTime.parse(froms.get(froms.size() - 1));
        return last.plusDays(30).withOffsetSameInstant(java.time.ZoneOffset.ofHours(9))
                .withHour(0).withMinute(0).withSecond(0).withNano(0);
    }

    static void deleteDraft(String id) {
        JsonPath versions = admin().get("/api/v1/tracks/" + id + "/versions").then().extract().jsonPath();
        List<String> states = versions.getList("state");
        if (states.get(states.size() - 1).equals("DRAFT")) {
            int n = versions.getInt("version[" + (states.size() - 1) + "]");
            admin().delete("/api/v1/tracks/" + id + "/versions/" + n).then().statusCode(204);
        }
    }

    static Response draft(String id, String yaml) {
        return admin().contentType("application/yaml").body(yaml).post("/api/v1/tracks/" + id + "/versions");
    }

    static String opening(OffsetDateTime from) {
        return "effectiveFrom: \"" + from + "\"\nstatus: OPEN\n" + CITATION;
    }

    /** A complete business trip Cambodia → Japan of 7 nights arriving on {@code arrival} (JST). */
    static String businessTrip(LocalDate arrival) {
        LocalDate back = arrival.plusDays(7);
        return """
                {"track": "BUSINESS",
                 "traveller": {"nationality": "KH", "residenceCountry": "KH"},
                 "itinerary": [
                   {"flight": "NH818", "from": "PNH", "to": "NRT", "departure": "%sT23:50", "arrival": "%sT07:30"},
                   {"flight": "NH817", "from": "NRT", "to": "PNH", "departure": "%sT10:30", "arrival": "%sT15:00"}],
                 "preDepartureTest": {"method": "PCR", "specimen": "NASOPHARYNGEAL", "result": "NEGATIVE", "sampledAt": "%sT09:00+07:00"},
                 "healthMonitoring": {"from": "%s", "maxTemperatureC": 36.6},
                 "sponsor": {"kind": "ORGANISATION", "name": "Example KK", "country": "JP", "pledgeSigned": true},
                 "insurance": {"kind": "PRIVATE_MEDICAL", "coverageUsd": 100000},
                 "visa": {"kind": "EMBASSY"},
                 "activitySchedule": {"accommodation": {"address": "1-1 Marunouchi, Chiyoda-ku, Tokyo", "lat": 35.68, "lon": 139.76},
                                      "places": [{"name": "Office", "address": "2-2 Shinjuku, Tokyo", "lat": 35.69, "lon": 139.70}]}}
                """.formatted(arrival.minusDays(1), arrival, back, back, arrival.minusDays(2), arrival.minusDays(16));
    }

    static JsonPath check(String request) {
        return given().contentType(ContentType.JSON).body(request).post("/api/v1/eligibility").then().statusCode(200)
                .extract().jsonPath();
    }

    static String withKnownAt(String request, String knownAt) {
        return request.replaceFirst("\\{", "{\"knownAt\": \"" + knownAt + "\", ");
    }

    static String outcomeOf(JsonPath decision, String ruleId) {
        return decision.getString("results.find { it.ruleId == '" + ruleId + "' }.outcome");
    }

    @Test
    void shouldHoldTheShippedVersionsImportedOnceWithHashAndPublication() {
        admin().get("/api/v1/tracks/" + RESIDENT + "/versions").then().statusCode(200)
                .body("version[0]", equalTo(1)).body("version[3]", equalTo(4))
                .body("state[0]", equalTo("PUBLISHED"))
                .body("contentHash[0]", startsWith("sha256:"))
                .body("publishedBy[0]", equalTo("shipped:rulesets/resident-kh-jp.yaml"))
                // resident-kh-jp.yaml: v2 (opening) published 2020-09-01, effective 2020-09-08 (JST)
                .body("publishedAt[1]", equalTo("2020-08-31T15:00:00Z"))
                .body("effectiveFrom[1]", equalTo("2020-09-07T15:00:00Z"));
        // The hash is the one decisions name.
        String hash = admin().get("/api/v1/tracks/" + RESIDENT + "/versions/2").then().statusCode(200)
                .header("ETag", notNullValue()).body("document.status", equalTo("OPEN")).extract().path("contentHash");
        String decided = check(com.tracklane.support.Examples.eligibilityText()).getString("ruleSet.contentHash");
        assertThat(decided).isEqualTo(hash);
        admin().get("/api/v1/tracks/" + RESIDENT + "/history").then().statusCode(200)
                .body("action[0]", equalTo("IMPORTED")).body("actor[0]", equalTo("system"))
                .body("detail[0]", containsString("rulesets/resident-kh-jp.yaml"));
    }

    @Test
    void shouldDraftChangeAndDeleteWithETagsAndRecordEachStep() {
        deleteDraft(BUSINESS);
        OffsetDateTime from = nextFrom(BUSINESS);
        // the Location is the service's own (relative) address, never one built from a Host header the client chose
        Response created = admin().header("Host", "evil.example").contentType("application/yaml").body(opening(from))
                .post("/api/v1/tracks/" + BUSINESS + "/versions");
        created.then().statusCode(201).header("ETag", equalTo("\"1\""))
                .body("state", equalTo("DRAFT")).body("status", equalTo("OPEN")).body("createdBy", equalTo("rules-admin-test"))
                .body("document.effectiveFrom", equalTo(from.toString()));
        int n = created.path("version");
        assertThat(created.header("Location")).isEqualTo("/api/v1/tracks/" + BUSINESS + "/versions/" + n);
        String path = "/api/v1/tracks/" + BUSINESS + "/versions/" + n;

        assertProblem(draft(BUSINESS, opening(from.plusDays(1))), 409, "conflict").body("detail", containsString("version " + n));
        String changed = opening(from.plusDays(2)).replace("status: OPEN", "status: PLANNED");
        assertProblem(admin().contentType("application/yaml").body(changed).put(path), 428, "precondition-required");
        assertProblem(admin().contentType("application/yaml").header("If-Match", "\"7\"").body(changed).put(path), 412, "precondition-failed");
        admin().contentType("application/yaml").header("If-Match", "\"1\"").body(changed).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("status", equalTo("PLANNED"));
        admin().get(path).then().statusCode(200).body("effectiveFrom", equalTo(from.plusDays(2).toInstant().toString()));

        admin().header("If-Match", "\"1\"").delete(path).then().statusCode(412);
        admin().header("If-Match", "\"2\"").delete(path).then().statusCode(204);
        assertProblem(admin().get(path), 404, "not-found");
        List<String> actions = admin().get("/api/v1/tracks/" + BUSINESS + "/history").then().extract().jsonPath().getList("action");
        assertThat(actions.subList(actions.size() - 3, actions.size())).containsExactly("DRAFTED", "DRAFT_UPDATED", "DRAFT_DELETED");
    }

    @Test
    void shouldAcceptJsonAndAFileHoldingOneVersion() {
        deleteDraft(RESIDENT);
        OffsetDateTime from = nextFrom(RESIDENT);
        String json = "{\"id\": \"" + RESIDENT + "\", \"versions\": [{\"effectiveFrom\": \"" + from + "\", \"status\": \"CLOSED\","
                + " \"citation\": {\"title\": \"Closure\", \"url\": \"https://example.org\"}}]}";
        int n = admin().contentType(ContentType.JSON).body(json).post("/api/v1/tracks/" + RESIDENT + "/versions").then()
                .statusCode(201).body("status", equalTo("CLOSED")).extract().path("version");
        admin().delete("/api/v1/tracks/" + RESIDENT + "/versions/" + n).then().statusCode(204);
        assertProblem(admin().contentType(ContentType.JSON).body(json.replace(RESIDENT, BUSINESS))
                .post("/api/v1/tracks/" + RESIDENT + "/versions"), 400, "invalid-request").body("errors[0].field", equalTo("id"));
        assertProblem(admin().contentType("application/yaml").body("effectiveFrom: [unclosed")
                .post("/api/v1/tracks/" + RESIDENT + "/versions"), 400, "invalid-request");
        assertProblem(admin().contentType("application/yaml").body(opening(from)).post("/api/v1/tracks/no-such/versions"), 404, "not-found");
        as("intake").contentType("application/yaml").body(opening(from)).post("/api/v1/tracks/" + RESIDENT + "/versions")
                .then().statusCode(403);
    }

    // --- every reason a version is refused: 422 listing each problem, nothing stored ---

    private JsonPath refused(String yaml) {
        deleteDraft(BUSINESS);
        int before = admin().get("/api/v1/tracks/" + BUSINESS + "/versions").then().extract().jsonPath().getList("version").size();
        JsonPath problem = assertProblem(draft(BUSINESS, yaml), 422, "invalid-rule-set-version").extract().jsonPath();
        int after = admin().get("/api/v1/tracks/" + BUSINESS + "/versions").then().extract().jsonPath().getList("version").size();
        assertThat(after).as("nothing stored").isEqualTo(before);
        return problem;
    }

    private String withRule(OffsetDateTime from, String condition, boolean citation) {
        return opening(from) + """
                rules:
                  - id: STAY_SHORTER_THAN_14_DAYS
                    severity: BLOCKING
                    title: {en: Short stay}
                    condition: "%s"
                    messages: {pass: {en: ok}, fail: {en: too long}}
                """.formatted(condition) + (citation ? "    citation: {title: Agreement, url: \"https://example.org\"}\n" : "");
    }

    @Test
    void shouldRefuseAConditionWithATypeErrorAndGiveItsPosition() {
        JsonPath p = refused(withRule(nextFrom(BUSINESS), "hasReturn &&\\n stayDays + 'x' < 14", true));
        assertThat(p.getString("errors[0].field")).isEqualTo("rules[0].condition");
        assertThat(p.getString("errors[0].ruleId")).isEqualTo("STAY_SHORTER_THAN_14_DAYS");
        assertThat(p.getInt("errors[0].line")).isEqualTo(2);
        assertThat(p.getInt("errors[0].column")).isGreaterThan(0);
        assertThat(p.getString("errors[0].message")).containsIgnoringCase("overload");
    }

    @Test
    void shouldRefuseAnUnknownVariable() {
        JsonPath fact = refused(withRule(nextFrom(BUSINESS), "stayDays < 14 && visaCategory == 'X'", true));
        assertThat(fact.getString("errors[0].message")).contains("visaCategory");
        assertThat(fact.getString("errors[0].ruleId")).isEqualTo("STAY_SHORTER_THAN_14_DAYS");
        JsonPath parameter = refused(withRule(nextFrom(BUSINESS), "stayDays < params.maxStay", true));
        assertThat(parameter.getString("errors[0].message")).contains("params.maxStay").contains("maxStayDaysExclusive");
    }

    @Test
    void shouldRefuseANonBooleanCondition() {
        JsonPath p = refused(withRule(nextFrom(BUSINESS), "stayDays", true));
        assertThat(p.getString("errors[0].field")).isEqualTo("rules[0].condition");
        assertThat(p.getString("errors[0].message")).containsIgnoringCase("bool");
    }

    @Test
    void shouldRefuseARuleWithoutCitation() {
        JsonPath p = refused(withRule(nextFrom(BUSINESS), "stayDays < 14", false));
        assertThat(p.getString("errors[0].field") + " " + p.getString("errors[0].message")).startsWith("rules[0]").contains("citation");
    }

    @Test
    void shouldRefuseASchemaErrorListingEveryProblem() {
        JsonPath p = refused("effectiveFrom: \"2031-01-01T00:00+09:00\"\nstatus: HALF_OPEN\nparameters: {maxStayDaysExclusive: {type: int, value: \"ten\"}}\n");
        String all = p.getList("errors").toString();
        assertThat(p.getList("errors")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all).contains("status").contains("citation");
    }

    @Test
    void shouldRefuseAnEffectiveFromNotAfterTheCurrentVersion() {
        // business-kh-jp.yaml: v2 SUSPENDED from 2021-01-14 (JST); a version from 2021-01-01 would precede it
        JsonPath p = refused(opening(OffsetDateTime.parse("2021-01-01T00:00+09:00")));
        assertThat(p.getString("errors[0].field")).isEqualTo("effectiveFrom");
        assertThat(p.getString("errors[0].message")).contains("must be after the previous version");
    }

    @Test
    void shouldRefuseAPublishedAtSetByTheAuthor() {
        JsonPath p = refused(opening(nextFrom(BUSINESS)) + "publishedAt: \"2020-01-01T00:00Z\"\n");
        assertThat(p.getString("errors[0].field")).isEqualTo("publishedAt");
    }

    // --- publication ---

    @Test
    void shouldApplyAPublishedVersionFromItsEffectiveFromAndHideItFromEarlierKnowledge() {
        deleteDraft(BUSINESS);
        OffsetDateTime from = nextFrom(BUSINESS);
        LocalDate after = from.toLocalDate().plusDays(10);
        String trip = businessTrip(after);
        String tripBefore = businessTrip(from.toLocalDate().minusDays(10));
        JsonPath was = check(trip);
        assertThat(outcomeOf(was, "TRACK_OPEN")).isEqualTo("FAIL");
        String knownBefore = was.getString("knownAt");

        // An application stored now keeps its answer through replay, whatever is published later.
        String application = as("intake").contentType(ContentType.JSON).body("""
                {"applicant": {"givenName": "Dara", "familyName": "Sok", "passportNumber": "N07777777", "nationality": "KH",
                               "dateOfBirth": "1985-02-03", "email": "dara@example.com"}, "request": %s}""".formatted(trip))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");

        Response created = draft(BUSINESS, opening(from));
        int n = created.path("version");
        String path = "/api/v1/tracks/" + BUSINESS + "/versions/" + n;
        assertProblem(admin().post(path + "/publish"), 428, "precondition-required");
        JsonPath published = admin().header("If-Match", created.header("ETag")).post(path + "/publish").then().statusCode(200)
                .body("state", equalTo("PUBLISHED")).body("publishedBy", equalTo("rules-admin-test"))
                .body("contentHash", startsWith("sha256:")).body("publishedAt", notNullValue())
                .extract().jsonPath();
        assertProblem(admin().header("If-Match", "\"2\"").post(path + "/publish"), 409, "conflict");
        assertProblem(admin().contentType("application/yaml").header("If-Match", "\"2\"").body(opening(from)).put(path), 409, "conflict");

        JsonPath now = check(trip);
        assertThat(now.getString("outcome")).isEqualTo("ELIGIBLE");
        assertThat(now.getInt("ruleSet.version")).isEqualTo(n);
        assertThat(now.getString("ruleSet.contentHash")).isEqualTo(published.getString("contentHash"));
        JsonPath earlier = check(tripBefore);
        assertThat(earlier.getInt("ruleSet.version")).isLessThan(n);
        assertThat(outcomeOf(earlier, "TRACK_OPEN")).isEqualTo("FAIL");
        JsonPath asKnownBefore = check(withKnownAt(trip, knownBefore));
        assertThat(asKnownBefore.getString("outcome")).isEqualTo(was.getString("outcome"));
        assertThat(asKnownBefore.getInt("ruleSet.version")).isEqualTo(was.getInt("ruleSet.version"));
        given().queryParam("at", from.plusDays(1).toString()).queryParam("knownAt", knownBefore).get("/api/v1/tracks").then()
                .statusCode(200).body("find { it.id == 'business-kh-jp' }.status", equalTo("SUSPENDED"));
        given().queryParam("at", from.plusDays(1).toString()).get("/api/v1/tracks").then()
                .statusCode(200).body("find { it.id == 'business-kh-jp' }.status", equalTo("OPEN"))
                .body("find { it.id == 'business-kh-jp' }.version", equalTo(n));

        String snapshot = as("officer").get("/api/v1/applications/" + application + "/decisions").then().extract().path("id[0]");
        as("officer").get("/api/v1/applications/" + application + "/decisions/" + snapshot + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("replayed.outcome", equalTo(was.getString("outcome")));
        as("officer").post("/api/v1/applications/" + application + "/re-evaluation").then().statusCode(200)
                .body("currentDecision.outcome", equalTo("ELIGIBLE"));

        admin().get("/api/v1/tracks/" + BUSINESS + "/history").then().statusCode(200)
                .body("findAll { it.action == 'PUBLISHED' }.version", hasItem(n));
    }

    @Test
    void shouldAnswerAProblemNotA500WhenAPublishedRuleCannotBeEvaluated() {
        // business-jp-kh is used by no other test of this class: a version whose rule type-checks but divides by zero.
        String track = "business-jp-kh";
        deleteDraft(track);
        OffsetDateTime from = nextFrom(track);
        String yaml = opening(from) + """
                rules:
                  - id: DIVIDES_BY_ZERO
                    severity: REQUIREMENT
                    title: {en: A defective rule}
                    condition: "stayDays / (stayDays - stayDays) > 0"
                    messages: {pass: {en: ok}, fail: {en: not ok}}
                    citation: {title: Test, url: "https://example.org"}
                """;
        Response created = draft(track, yaml);
        created.then().statusCode(201);
        LocalDate arrival = from.toLocalDate().plusDays(10);
        String after = """
                {"track": "BUSINESS", "itinerary": [
                  {"from": "NRT", "to": "PNH", "departure": "%sT09:00", "arrival": "%sT14:00"},
                  {"from": "PNH", "to": "NRT", "departure": "%sT22:00", "arrival": "%sT06:00"}]}
                """.formatted(arrival, arrival, arrival.plusDays(5), arrival.plusDays(6));
        // The dry run shows the defect per request, before anything is published.
        admin().contentType(ContentType.JSON).body("[" + after + "]")
                .post("/api/v1/tracks/" + track + "/versions/" + created.path("version") + "/dry-run").then().statusCode(200)
                .body("items[0].problem.status", equalTo(422))
                .body("items[0].problem.type", containsString("rule-evaluation-failed"))
                .body("items[0].problem.detail", containsString("Under the draft, rule DIVIDES_BY_ZERO"));
        admin().header("If-Match", created.header("ETag")).post("/api/v1/tracks/" + track + "/versions/" + created.path("version") + "/publish")
                .then().statusCode(200);

        assertProblem(given().contentType(ContentType.JSON).body(after).post("/api/v1/eligibility"), 422, "rule-evaluation-failed")
                .body("detail", containsString("DIVIDES_BY_ZERO"))
                .body("detail", org.hamcrest.Matchers.not(containsString("java")));
        String before = after.replace(arrival.toString(), arrival.minusDays(60).toString())
                .replace(arrival.plusDays(5).toString(), arrival.minusDays(55).toString())
                .replace(arrival.plusDays(6).toString(), arrival.minusDays(54).toString());
        given().contentType(ContentType.JSON).body(before).post("/api/v1/eligibility").then().statusCode(200)
                .body("ruleSet.version", org.hamcrest.Matchers.lessThan((Integer) created.path("version")));
        // In a batch, only that check is a problem; the others are answered.
        given().contentType(ContentType.JSON).body("{\"checks\": [" + after + "," + before + "]}").post("/api/v1/eligibility/batch")
                .then().statusCode(200)
                .body("decisions[0].status", equalTo(422)).body("decisions[0].type", containsString("rule-evaluation-failed"))
                .body("decisions[1].outcome", notNullValue());
    }

    @jakarta.inject.Inject
    com.tracklane.track.service.RuleSetCatalog catalog;

    @Test
    void shouldRefuseTheNestedJoinAttackWhenDraftedNamingTheRule() {
        deleteDraft(RESIDENT);
        String big = String.join(", ", java.util.Collections.nCopies(46_000, "x"));
        String yaml = opening(nextFrom(RESIDENT)) + """
                parameters:
                  big: {type: "list<string>", value: [%s]}
                rules:
                  - id: JOIN_ATTACK
                    severity: REQUIREMENT
                    title: {en: Attack}
                    condition: "%s"
                    messages: {pass: {en: ok}, fail: {en: not ok}}
                    citation: {title: Test, url: "https://example.org"}
                """.formatted(big, com.tracklane.track.RuleLimitsTest.ATTACK);
        long started = System.nanoTime();
        JsonPath p = assertProblem(draft(RESIDENT, yaml), 422, "invalid-rule-set-version").extract().jsonPath();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(p.getList("errors.field")).contains("rules[0].condition", "parameters.big.value");
        assertThat(p.getString("errors.find { it.field == 'rules[0].condition' }.ruleId")).isEqualTo("JOIN_ATTACK");
        assertThat(p.getString("errors.find { it.field == 'rules[0].condition' }.message"))
                .startsWith("estimated cost ").contains("over the limit of 100,000");
        assertThat(p.getString("errors.find { it.field == 'parameters.big.value' }.message")).contains("at most 10000");
        // nothing was stored
        assertThat(admin().get("/api/v1/tracks/" + RESIDENT + "/versions").then().extract().jsonPath().getList("state"))
                .doesNotContain("DRAFT");
    }

    /** A NRT → PNH round trip on {@code track}, arriving in Cambodia on 2021-03-10. */
    private static String japanToCambodia(String track) {
        return """
                {"track": "%s", "itinerary": [
                  {"from": "NRT", "to": "PNH", "departure": "2021-03-10T09:00", "arrival": "2021-03-10T14:00"},
                  {"from": "PNH", "to": "NRT", "departure": "2021-03-15T22:00", "arrival": "2021-03-16T06:00"}]}
                """.formatted(track);
    }

    @Test
    void shouldFailOnlyTheChecksOfAnExpensiveRuleThatSlippedPastTheDraftCheck() throws Exception {
        // Installed in memory as if it had been published before the limits existed: the runtime limits alone protect.
        String id = "resident-jp-kh";
        String file = com.tracklane.track.RuleLimitsTest.ruleSet(
                        com.tracklane.track.RuleLimitsTest.ATTACK.replace("''", "'LOG-FORGE-MARKER'"), 46_000, "no")
                .replace("id: test-kh-jp", "id: " + id).replace("origin: KH", "origin: JP").replace("destination: JP", "destination: KH")
                .replace("2020-08-22T00:00+07:00", "2020-08-22T00:00+09:00");
        var spec = new com.tracklane.track.service.RuleSetCompiler().compile("test.yaml", file);
        var before = catalog.snapshot();
        java.util.logging.Logger problems = java.util.logging.Logger.getLogger("com.tracklane.common.ProblemMappers");
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        problems.addHandler(handler);
        catalog.install(before.with(spec));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            String attacked = japanToCambodia("RESIDENT");
            long started = System.nanoTime();
            assertProblem(given().contentType(ContentType.JSON).body(attacked).post("/api/v1/eligibility"), 422, "rule-evaluation-failed")
                    .body("detail", containsString("rule JOIN_ATTACK of resident-jp-kh version 1"))
                    .body("detail", containsString("would build a text of more than 65536 characters"));
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);

            // Three concurrent batches of 200 checks: every attacked check is a problem at its index, the others answered.
            String batch = "{\"checks\": [" + String.join(",", java.util.Collections.nCopies(199, attacked)) + ","
                    + businessTrip(LocalDate.of(2021, 3, 10)) + "]}";
            List<Future<JsonPath>> runs = new ArrayList<>();
            started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> given().contentType(ContentType.JSON).body(batch).post("/api/v1/eligibility/batch")
                        .then().statusCode(200).extract().jsonPath()));
            }
            for (Future<JsonPath> run : runs) {
                JsonPath answer = run.get();
                assertThat(answer.getList("decisions")).hasSize(200);
                assertThat(answer.getList("decisions.findAll { it.status == 422 }.type"))
                        .hasSize(199).allSatisfy(t -> assertThat(String.valueOf(t)).contains("rule-evaluation-failed"));
                assertThat(answer.getString("decisions[199].outcome")).isNotNull();
            }
            assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000 * 3);

            // A dry run (of any draft) shows it per item, under the versions in force.
            deleteDraft(id);
            Response created = draft(id, opening(nextFrom(id)));
            created.then().statusCode(201);
            admin().contentType(ContentType.JSON).body("[" + attacked + "]")
                    .post("/api/v1/tracks/" + id + "/versions/" + created.path("version") + "/dry-run").then().statusCode(200)
                    .body("items[0].problem.status", equalTo(422))
                    .body("items[0].problem.type", containsString("rule-evaluation-failed"))
                    .body("items[0].problem.detail", containsString("Under the versions in force, rule JOIN_ATTACK"));
            deleteDraft(id);

            // Logged by rule and position, never with the expression its author wrote.
            assertThat(logged).anySatisfy(line -> assertThat(line).contains("rule JOIN_ATTACK of resident-jp-kh version 1"));
            assertThat(logged).noneSatisfy(line -> assertThat(line).contains("LOG-FORGE-MARKER"));
        } finally {
            pool.shutdownNow();
            problems.removeHandler(handler);
            catalog.install(before);
        }
        // The service kept serving.
        assertThat(check(businessTrip(LocalDate.of(2021, 3, 10))).getString("outcome")).isNotNull();
    }

    @Test
    void shouldRefuseAKeyWrittenTwiceInAYamlOrJsonDraft() {
        deleteDraft(RESIDENT);
        String yaml = opening(nextFrom(RESIDENT)) + "status: CLOSED\n";
        JsonPath p = assertProblem(draft(RESIDENT, yaml), 422, "invalid-rule-set-version").extract().jsonPath();
        assertThat(p.getString("errors[0].field")).isEqualTo("status");
        assertThat(p.getString("errors[0].message")).contains("'status' is written twice").contains("line 4");

        String nested = opening(nextFrom(RESIDENT)) + "note: {en: one, en: two}\n";
        assertProblem(draft(RESIDENT, nested), 422, "invalid-rule-set-version").body("errors[0].field", equalTo("note.en"));

        String json = "{\"effectiveFrom\": \"" + nextFrom(RESIDENT) + "\",\n \"status\": \"OPEN\",\n \"status\": \"CLOSED\"}";
        JsonPath j = assertProblem(admin().contentType(ContentType.JSON).body(json).post("/api/v1/tracks/" + RESIDENT + "/versions"),
                422, "invalid-rule-set-version").extract().jsonPath();
        assertThat(j.getString("errors[0].field")).isEqualTo("status");
        assertThat(j.getString("errors[0].message")).contains("line 3");
        assertThat(admin().get("/api/v1/tracks/" + RESIDENT + "/versions").then().extract().jsonPath().getList("state"))
                .doesNotContain("DRAFT");
    }

    @Test
    void shouldResolveVersionNumbersInAsciiDigitsOnly() {
        String base = "/api/v1/tracks/" + RESIDENT + "/versions/";
        admin().get(base + "1").then().statusCode(200).body("version", equalTo(1));
        // +1, 01, fullwidth １, Arabic-Indic ١, and a number beyond nine digits: no version
        for (String n : List.of("%2B1", "01", "%EF%BC%91", "%D9%A1", "1234567890", "-1", "0")) {
            assertProblem(admin().urlEncodingEnabled(false).get(base + n), 404, "not-found");
            assertProblem(admin().urlEncodingEnabled(false).header("If-Match", "\"1\"").post(base + n + "/publish"), 404, "not-found");
        }
        assertProblem(admin().urlEncodingEnabled(false).get(base + "+1"), 404, "not-found");
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentPublicationsWin() throws Exception {
        deleteDraft(RESIDENT);
        Response created = draft(RESIDENT, opening(nextFrom(RESIDENT)).replace("OPEN", "CLOSED"));
        int n = created.path("version");
        String etag = created.header("ETag");
        String path = "/api/v1/tracks/" + RESIDENT + "/versions/" + n + "/publish";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Callable<Integer> publish = () -> {
                    start.await();
                    return admin().header("If-Match", etag).post(path).statusCode();
                };
                results.add(pool.submit(publish));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> published = admin().get("/api/v1/tracks/" + RESIDENT + "/history").then().extract().jsonPath()
                .getList("findAll { it.action == 'PUBLISHED' }.version");
        assertThat(published.stream().filter(v -> v == n)).hasSize(1);
    }

    @Test
    void shouldSuspendInOneStep() {
        deleteDraft(RESIDENT);
        OffsetDateTime from = nextFrom(RESIDENT);
        String body = """
                {"from": "%s", "reason": "All tracks suspended overnight (test)",
                 "citation": {"title": "MOFA announcement", "date": "2021-01-13", "url": "https://www.mofa.go.jp/"}}""".formatted(from);
        int n = admin().contentType(ContentType.JSON).body(body).post("/api/v1/tracks/" + RESIDENT + "/suspensions").then()
                .statusCode(201).body("state", equalTo("PUBLISHED")).body("status", equalTo("SUSPENDED"))
                .body("document.note.en", equalTo("All tracks suspended overnight (test)"))
                .extract().path("version");
        given().queryParam("at", from.plusHours(1).toString()).get("/api/v1/tracks").then().statusCode(200)
                .body("find { it.id == 'resident-kh-jp' }.status", equalTo("SUSPENDED"))
                .body("find { it.id == 'resident-kh-jp' }.version", equalTo(n));
        admin().get("/api/v1/tracks/" + RESIDENT + "/history").then()
                .body("find { it.action == 'SUSPENDED' && it.version == " + n + " }.detail", equalTo("All tracks suspended overnight (test)"));

        assertProblem(admin().contentType(ContentType.JSON).body(body).post("/api/v1/tracks/" + RESIDENT + "/suspensions"),
                422, "invalid-rule-set-version").body("errors[0].field", equalTo("effectiveFrom"));
        assertProblem(admin().contentType(ContentType.JSON).body("{\"from\": \"tomorrow\", \"extra\": 1}")
                .post("/api/v1/tracks/" + RESIDENT + "/suspensions"), 400, "invalid-request")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("extra", "from", "reason", "citation"));
        draft(RESIDENT, opening(nextFrom(RESIDENT))).then().statusCode(201);
        assertProblem(admin().contentType(ContentType.JSON).body(body.replace(from.toString(), nextFrom(RESIDENT).plusDays(60).toString()))
                .post("/api/v1/tracks/" + RESIDENT + "/suspensions"), 409, "conflict");
        deleteDraft(RESIDENT);
    }

    // --- dry runs ---

    @Test
    void shouldDryRunRequestsAndSayWhatWouldChangeWithoutWritingAnything() {
        deleteDraft(BUSINESS);
        OffsetDateTime from = nextFrom(BUSINESS);
        int n = draft(BUSINESS, opening(from)).then().statusCode(201).extract().path("version");
        int events = admin().get("/api/v1/tracks/" + BUSINESS + "/history").then().extract().jsonPath().getList("id").size();
        String checks = "[" + businessTrip(from.toLocalDate().plusDays(5)) + ", " + businessTrip(from.toLocalDate().minusDays(20))
                + ", " + com.tracklane.support.Examples.eligibilityText().replace("\"PNH\"", "\"XXX\"")
                + ", " + com.tracklane.support.Examples.eligibilityText().replace("\"PNH\"", "\"HND\"").replaceFirst("\"NRT\"", "\"PNH\"").replaceFirst("\"NRT\"", "\"PNH\"").replace("\"HND\"", "\"NRT\"") + "]";
        JsonPath run = admin().contentType(ContentType.JSON).body(checks)
                .post("/api/v1/tracks/" + BUSINESS + "/versions/" + n + "/dry-run").then().statusCode(200)
                .body("ruleSet", equalTo(BUSINESS)).body("draft", equalTo(n))
                .extract().jsonPath();
        assertThat(run.getString("items[0].before.outcome")).isEqualTo("NOT_ELIGIBLE");
        assertThat(run.getString("items[0].after.outcome")).isEqualTo("ELIGIBLE");
        assertThat(run.getInt("items[0].after.version")).isEqualTo(n);
        assertThat(run.getList("items[0].rules.ruleId")).containsExactly("TRACK_OPEN");
        assertThat(run.getBoolean("items[1].changed")).isFalse();
        assertThat(run.getInt("items[2].problem.status")).isEqualTo(400);
        assertThat(run.getString("items[3].skipped")).contains("JP → KH");
        assertThat(run.getInt("summary.total")).isEqualTo(4);
        assertThat(run.getInt("summary.evaluated")).isEqualTo(2);
        assertThat(run.getInt("summary.changed")).isEqualTo(1);
        assertThat(run.getInt("summary.invalid")).isEqualTo(1);
        assertThat(run.getInt("summary.skipped")).isEqualTo(1);
        assertThat(run.getInt("summary.transitions.find { it.from == 'NOT_ELIGIBLE' && it.to == 'ELIGIBLE' }.count")).isEqualTo(1);
        assertThat(run.getInt("summary.transitions.find { it.from == 'NOT_ELIGIBLE' && it.to == 'ELIGIBLE' }.rules.TRACK_OPEN")).isEqualTo(1);

        // Nothing written: the draft is still a draft, the history unchanged, a check still answers as before.
        admin().get("/api/v1/tracks/" + BUSINESS + "/versions/" + n).then().body("state", equalTo("DRAFT"));
        assertThat(admin().get("/api/v1/tracks/" + BUSINESS + "/history").then().extract().jsonPath().getList("id")).hasSize(events);
        assertThat(check(businessTrip(from.toLocalDate().plusDays(5))).getString("outcome")).isEqualTo("NOT_ELIGIBLE");
        deleteDraft(BUSINESS);
    }

    @Test
    void shouldDryRunTheStoredApplicationsOfARange() {
        deleteDraft(BUSINESS);
        OffsetDateTime from = nextFrom(BUSINESS);
        String since = java.time.Instant.now().minusSeconds(1).toString();
        String id = as("intake").contentType(ContentType.JSON).body("""
                {"applicant": {"givenName": "Vanna", "familyName": "Keo", "passportNumber": "N08888888", "nationality": "KH",
                               "dateOfBirth": "1979-12-24", "email": "vanna@example.com"}, "request": %s}"""
                .formatted(businessTrip(from.toLocalDate().plusDays(3)))).post("/api/v1/applications").then().statusCode(201)
                .extract().path("id");
        int n = draft(BUSINESS, opening(from)).then().statusCode(201).extract().path("version");
        admin().contentType(ContentType.JSON).body("{\"applications\": {\"submittedFrom\": \"" + since + "\"}}")
                .post("/api/v1/tracks/" + BUSINESS + "/versions/" + n + "/dry-run").then().statusCode(200)
                .body("items.find { it.applicationId == '" + id + "' }.before.outcome", equalTo("NOT_ELIGIBLE"))
                .body("items.find { it.applicationId == '" + id + "' }.after.outcome", equalTo("ELIGIBLE"))
                .body("items.find { it.applicationId == '" + id + "' }.reference", startsWith("BT-KHJP"))
                .body("summary.changed", greaterThan(0));
        as("officer").get("/api/v1/applications/" + id).then().body("currentDecision.outcome", equalTo("NOT_ELIGIBLE"));

        assertProblem(admin().contentType(ContentType.JSON).body("{\"applications\": {\"submittedFrom\": \"yesterday\"}}")
                .post("/api/v1/tracks/" + BUSINESS + "/versions/" + n + "/dry-run"), 400, "invalid-request")
                .body("errors[0].field", equalTo("applications.submittedFrom"));
        assertProblem(admin().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/tracks/" + BUSINESS + "/versions/" + n + "/dry-run"), 400, "invalid-request");
        assertProblem(admin().contentType(ContentType.JSON).body("[]")
                .post("/api/v1/tracks/" + BUSINESS + "/versions/1/dry-run"), 409, "conflict");
        deleteDraft(BUSINESS);
    }
}
