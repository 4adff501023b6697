package com.tracklane.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.tracklane.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The edges of input the fuzz test found, one by one: text longer in UTF-16 than in code points, URIs over 8 KiB,
 * numbers a double cannot hold, non-integer page/size, and library messages that named Java types. Each answer is
 * a 400/414 problem that says where, never a 500.
 */
@QuarkusTest
class InputEdgesTest {

    static final String EMOJI = "\ud83d\ude00";

    static String trip() throws Exception {
        return Files.readString(Path.of("examples/eligibility-resident.json"));
    }

    static String submission(String givenName, String familyName, String email) throws Exception {
        return """
                {"applicant": {"givenName": %s, "familyName": %s, "passportNumber": "E7654321", "nationality": "KH",
                               "dateOfBirth": "1991-03-03", "email": %s}, "request": %s}"""
                .formatted(quote(givenName), quote(familyName), quote(email), com.tracklane.support.Examples.withoutKnownAt(trip()));
    }

    static String quote(String s) {
        return com.tracklane.support.Examples.text(com.fasterxml.jackson.databind.node.TextNode.valueOf(s));
    }

    static Response submit(String body) {
        return given().header("Authorization", Tokens.bearer("intake")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/applications");
    }

    // (a) text in code points ---------------------------------------------------------------------------------

    @Test
    void shouldStoreNamesOf200EmojiAndRefuse201() throws Exception {
        // 200 code points, 400 UTF-16 units: valid under the contract's maxLength, so it must be stored
        Response created = submit(submission(EMOJI.repeat(200), EMOJI.repeat(200), EMOJI.repeat(316) + "@b.c"));
        created.then().statusCode(201);
        given().header("Authorization", Tokens.bearer("officer")).get("/api/v1/applications/" + created.path("id")).then()
                .statusCode(200).body("applicant.givenName", equalTo(EMOJI.repeat(200)))
                .body("applicant.email", equalTo(EMOJI.repeat(316) + "@b.c"));
        submit(submission(EMOJI.repeat(201), "Chan", "e@example.com")).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("applicant.givenName"));
        submit(submission("Chan", "Chan", EMOJI.repeat(317) + "@b.c")).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.field", hasItem("applicant.email"));
    }

    @Test
    void shouldRefuseControlCharactersAndLoneSurrogatesInNames() throws Exception {
        submit(submission("So\u0000kha", "Chan", "e@example.com")).then().statusCode(400)
                .body("errors.field", hasItem("applicant.givenName"));
        submit(submission("Sokha", "Ch\nan", "e@example.com")).then().statusCode(400)
                .body("errors.field", hasItem("applicant.familyName"));
        String lone = submission("Sokha", "Chan", "e@example.com").replace("\"Sokha\"", "\"So\\ud83dkha\"");
        submit(lone).then().statusCode(400).body("errors.field", hasItem("applicant.givenName"));
    }

    @Test
    void shouldRefuseAWithdrawalReasonThatCannotBeStored() throws Exception {
        Response created = submit(submission("Sokha", "Chan", "e@example.com"));
        created.then().statusCode(201);
        String path = "/api/v1/applications/" + created.path("id") + "/withdrawal";
        for (String body : new String[] {"{\"reason\": \"" + "x".repeat(2001) + "\"}", "{\"reason\": \"a\\u0000b\"}", "{\"reason\": 5}", "[]"}) {
            given().header("Authorization", Tokens.bearer("intake")).header("If-Match", created.header("ETag"))
                    .contentType(ContentType.JSON).body(body).post(path)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
    }

    // (b) long URIs -------------------------------------------------------------------------------------------

    @Test
    void shouldAnswer414ProblemForAUriOver8KiB() {
        given().urlEncodingEnabled(false).get("/api/v1/tracks/" + "c".repeat(9000)).then().statusCode(414)
                .contentType(Problem.MEDIA_TYPE).body("type", equalTo(Problem.TYPE_BASE + "uri-too-long")).body("status", equalTo(414));
        given().urlEncodingEnabled(false).header("Authorization", Tokens.bearer("officer"))
                .get("/api/v1/applications?route=" + "K".repeat(40_000)).then().statusCode(414).contentType(Problem.MEDIA_TYPE);
        // just under the limit: an ordinary 404 problem
        given().urlEncodingEnabled(false).get("/api/v1/tracks/" + "c".repeat(8000)).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    // (c) numbers out of range --------------------------------------------------------------------------------

    @Test
    void shouldRefuseNumbersBeyondADoubleWithTheirPath() throws Exception {
        String check = trip().replace("\"coverageUsd\": 100000", "\"coverageUsd\": 1e400");
        assertThat(check).contains("1e400");
        given().contentType(ContentType.JSON).body(check).post("/api/v1/eligibility").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("insurance.coverageUsd")).body("errors[0].message", equalTo("number out of range"));
        given().contentType(ContentType.JSON).body("{\"checks\": [" + trip() + ", " + check + "]}").post("/api/v1/eligibility/batch")
                .then().statusCode(200).body("decisions[0].outcome", equalTo("ELIGIBLE"))
                .body("decisions[1].status", equalTo(400)).body("decisions[1].errors[0].field", equalTo("insurance.coverageUsd"));
        submit(submission("Sokha", "Chan", "e@example.com").replace("\"coverageUsd\": 100000", "\"coverageUsd\": -2e308"))
                .then().statusCode(400).body("errors[0].field", equalTo("request.insurance.coverageUsd"))
                .body("errors[0].message", equalTo("number out of range"));
        given().contentType(ContentType.JSON).body(trip().replace("36.9", "1" + "0".repeat(400) + ".5"))
                .post("/api/v1/eligibility").then().statusCode(400).body("errors[0].field", equalTo("healthMonitoring.maxTemperatureC"));
    }

    // (d) page and size ---------------------------------------------------------------------------------------

    @Test
    void shouldAnswer400ForPageAndSizeThatAreNotIntegersInRange() {
        for (String query : new String[] {"page=abc", "page=1.5", "page=99999999999", "page=-1", "page=", "size=1e3", "size=0",
                "size=101", "size=%EF%BC%91", "page=0x10"}) {
            String field = query.substring(0, query.indexOf('='));
            given().urlEncodingEnabled(false).header("Authorization", Tokens.bearer("officer")).get("/api/v1/applications?" + query)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo(field));
        }
        given().header("Authorization", Tokens.bearer("officer")).get("/api/v1/applications?page=0&size=100").then().statusCode(200);
    }

    // (e) no Java in details ----------------------------------------------------------------------------------

    @Test
    void shouldNotNameJavaTypesInProblems() throws Exception {
        String[] bodies = {
                trip().replace("36.9", "3" + "6".repeat(1500) + ".9"),
                "{\"track\":" + "{\"a\":".repeat(1001) + "1" + "}".repeat(1001) + "}",
                "[" .repeat(1200) + "]".repeat(1200),
                "{\"itinerary\": [1, 2",
        };
        for (String body : bodies) {
            Response r = given().contentType(ContentType.JSON).body(body).post("/api/v1/eligibility");
            r.then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body(not(containsString("`"))).body(not(containsString("StreamReadConstraints")))
                    .body(not(containsString("java."))).body(not(containsString("Exception")));
        }
    }

    @Test
    void shouldSanitizeLibraryMessages() {
        assertThat(Messages.sanitize("Number value length (1502) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNumberLength()`)"))
                .isEqualTo("Number value length (1502) exceeds the maximum allowed (1000)");
        assertThat(Messages.sanitize("Cannot deserialize value of type `java.lang.Integer` from String \"x\": not a valid `int` value"))
                .isEqualTo("Cannot deserialize value of type integer from String \"x\": not a valid integer value");
        assertThat(Messages.sanitize("Unexpected end-of-input\n at [Source: REDACTED; line: 1, column: 5]"))
                .isEqualTo("Unexpected end-of-input");
        assertThat(Messages.sanitize("failed: com.fasterxml.jackson.core.JsonParseException thrown"))
                .doesNotContain("com.").doesNotContain("Exception");
    }

    @Test
    void shouldWriteSqlErrorsToTheLogFileWithoutTheirValues() throws Exception {
        // through the real logging set-up of the test profile (console and target/quarkus-test.log, filter sql-redaction)
        String marker = "edge-" + java.util.UUID.randomUUID();
        java.sql.SQLException sql = new java.sql.SQLException("Value too long for column \"GIVEN_NAME\": 'Sokha'", "22001", 22001);
        org.jboss.logging.Logger.getLogger("com.tracklane.common.InputEdgesTest").errorf(
                new IllegalStateException("could not execute statement [insert into travel_application values ('Sokha')]", sql),
                "Unexpected error on %s", marker);
        Path log = Path.of("target", "quarkus-test.log");
        String line = null;
        for (int i = 0; i < 50 && line == null; i++) {
            line = Files.readAllLines(log).stream().filter(l -> l.contains(marker)).findFirst().orElse(null);
            if (line == null) {
                Thread.sleep(100);
            }
        }
        assertThat(line).as("the record reached " + log).isNotNull()
                .contains("Unexpected error on " + marker)
                .contains("[redacted: java.lang.IllegalStateException < java.sql.SQLException; SQLState 22001")
                .doesNotContain("Sokha");
        assertThat(Files.readString(log)).doesNotContain("'Sokha'");
    }

    @Test
    void shouldRedactSqlExceptionsToClassChainAndState() {
        java.sql.SQLException sql = new java.sql.SQLException("Value too long for column \"EMAIL\": \"sokha@example.com\"", "22001", 22001);
        RuntimeException wrapped = new RuntimeException("could not execute statement [" + sql.getMessage() + "]", sql);
        String redacted = SqlLogFilter.redact("Unexpected error on /api/v1/applications: could not execute statement [Value too long"
                + " for column \"EMAIL\": \"sokha@example.com\"]", wrapped, sql);
        assertThat(redacted).doesNotContain("sokha").contains("java.lang.RuntimeException < java.sql.SQLException")
                .contains("SQLState 22001").startsWith("Unexpected error on /api/v1/applications");

        java.util.logging.LogRecord record = new java.util.logging.LogRecord(java.util.logging.Level.WARNING,
                "TwoPhaseCoordinator failed: " + wrapped);
        record.setThrown(wrapped);
        assertThat(new SqlLogFilter().isLoggable(record)).isTrue();
        assertThat(record.getThrown()).isNull();
        assertThat(record.getMessage()).doesNotContain("sokha").contains("SQLState 22001");
    }
}
